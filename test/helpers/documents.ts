/**
 * Test documents made on the fly, so the repository carries no binary fixtures: PDFs (plain and
 * encrypted), Word and Excel files, e-mails with attachments, ZIP archives (also hostile ones).
 */
import zlib, { deflateSync } from "node:zlib";
import { createCanvas, GlobalFonts } from "@napi-rs/canvas";
import ExcelJS from "exceljs";
import JSZip from "jszip";

/** A font family installed on this machine that draws these characters, if any. */
export function fontFor(sample: "latin" | "hangul"): string | undefined {
  const installed = new Set(GlobalFonts.families.map((f) => f.family));
  const preferred =
    sample === "hangul"
      ? ["NanumGothic", "NanumMyeongjo", "Noto Sans CJK KR", "Noto Sans KR", "UnDotum"]
      : ["DejaVu Sans", "Liberation Sans", "Noto Sans", "FreeSans"];
  return preferred.find((family) => installed.has(family));
}

/** Lines drawn black on white as a scanner would give them: 8-bit grey pixels. */
export function drawLines(
  lines: string[],
  font: string,
): { width: number; height: number; grey: Uint8Array; png: Uint8Array } {
  const width = 1700;
  const height = 140 + lines.length * 70;
  const canvas = createCanvas(width, height);
  const context = canvas.getContext("2d");
  context.fillStyle = "white";
  context.fillRect(0, 0, width, height);
  context.fillStyle = "black";
  context.font = `40px "${font}"`;
  lines.forEach((line, i) => context.fillText(line, 80, 110 + i * 70));
  const rgba = context.getImageData(0, 0, width, height).data;
  const grey = new Uint8Array(width * height);
  for (let i = 0; i < grey.length; i++) grey[i] = rgba[i * 4]!;
  return { width, height, grey, png: new Uint8Array(canvas.toBuffer("image/png")) };
}

/** A PDF whose one page is a picture of the lines, with no text layer: what a scanner makes. */
export function makeScannedPdf(lines: string[], font: string): Uint8Array {
  const { width, height, grey } = drawLines(lines, font);
  const pixels = deflateSync(grey);
  const content = `q 612 0 0 ${((612 * height) / width).toFixed(2)} 0 ${(792 - (612 * height) / width).toFixed(2)} cm /Im1 Do Q`;
  const objects: Array<string | Buffer> = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    Buffer.concat([
      Buffer.from(
        `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${pixels.length} >>\nstream\n`,
      ),
      pixels,
      Buffer.from("\nendstream"),
    ]),
  ];
  return assemblePdf(objects);
}

/** A one-page PDF with the given lines in its text layer (xref offsets computed). */
export function makePdf(
  lines: string[],
  options: { title?: string; encrypted?: boolean } = {},
): Uint8Array {
  const escape = (s: string): string => s.replace(/[\\()]/g, (c) => `\\${c}`);
  const content = `BT /F1 12 Tf 72 720 Td 14 TL ${lines.map((l) => `(${escape(l)}) '`).join(" ")} ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Title (${escape(options.title ?? "")}) /Author (moneytrail tests) /CreationDate (D:20170304120000Z) >>`,
  ];
  if (options.encrypted) {
    const hex = "ab".repeat(32);
    objects.push(`<< /Filter /Standard /V 1 /R 2 /O <${hex}> /U <${"cd".repeat(32)}> /P -4 >>`);
  }
  const encrypt = options.encrypted
    ? ` /Encrypt ${objects.length} 0 R /ID [<${"01".repeat(16)}> <${"01".repeat(16)}>]`
    : "";
  return assemblePdf(objects, `/Info 6 0 R${encrypt}`);
}

/** Objects numbered from 1 (the first the catalogue), with the cross-reference table they need. */
function assemblePdf(objects: Array<string | Buffer>, trailer = ""): Uint8Array {
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n")];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`),
      typeof body === "string" ? Buffer.from(body) : body,
      Buffer.from("\nendobj\n"),
    ]);
    parts.push(chunk);
    length += chunk.length;
  });
  let tail = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) tail += `${String(offset).padStart(10, "0")} 00000 n \n`;
  tail += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer}>>\nstartxref\n${length}\n%%EOF\n`;
  parts.push(Buffer.from(tail));
  return new Uint8Array(Buffer.concat(parts));
}

export async function makeDocx(paragraphs: string[]): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  const body = paragraphs
    .map(
      (p) =>
        `<w:p><w:r><w:t xml:space="preserve">${p.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</w:t></w:r></w:p>`,
    )
    .join("");
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: "uint8array" });
}

export async function makeXlsx(sheets: Record<string, unknown[][]>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "moneytrail tests";
  for (const [name, rows] of Object.entries(sheets)) workbook.addWorksheet(name).addRows(rows);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export function makeEml(options: {
  from: string;
  to: string;
  subject: string;
  body: string;
  attachments?: Array<{ name: string; type: string; bytes: Uint8Array }>;
}): Uint8Array {
  const boundary = "moneytrail-boundary";
  const parts = [
    `Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n${options.body}\r\n`,
    ...(options.attachments ?? []).map(
      (a) =>
        `Content-Type: ${a.type}; name="${a.name}"\r\nContent-Disposition: attachment; filename="${a.name}"\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(a.bytes).toString("base64").replace(/.{76}/g, "$&\r\n")}\r\n`,
    ),
  ];
  const head = `From: ${options.from}\r\nTo: ${options.to}\r\nSubject: ${options.subject}\r\nDate: Tue, 14 Mar 2017 09:30:00 +0900\r\nMessage-ID: <test-${options.subject.length}@example.org>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="${boundary}"\r\n\r\n`;
  return new TextEncoder().encode(
    head + parts.map((p) => `--${boundary}\r\n${p}`).join("") + `--${boundary}--\r\n`,
  );
}

export async function makeZip(
  files: Record<string, Uint8Array | string>,
  options: { compression?: "DEFLATE" | "STORE" } = {},
): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, content] of Object.entries(files))
    zip.file(name, content, { createFolders: false });
  return zip.generateAsync({ type: "uint8array", compression: options.compression ?? "DEFLATE" });
}

/**
 * A real zip bomb: members of `memberBytes` zeros each, deflated (about 1,000 to 1), streamed so
 * the test never holds the expanded bytes. JSZip would need them all in memory.
 */
export async function makeZipBomb(members: number, memberBytes: number): Promise<Uint8Array> {
  const zeros = Buffer.alloc(8 * 2 ** 20);
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (let i = 0; i < members; i++) {
    const name = Buffer.from(`zeros${i}.bin`);
    const deflate = zlib.createDeflateRaw({ level: 9 });
    const compressed: Buffer[] = [];
    deflate.on("data", (chunk: Buffer) => compressed.push(chunk));
    const ended = new Promise((resolve) => deflate.on("end", resolve));
    let crc = 0;
    for (let written = 0; written < memberBytes; written += zeros.length) {
      const chunk = zeros.subarray(0, Math.min(zeros.length, memberBytes - written));
      crc = zlib.crc32(chunk, crc);
      if (!deflate.write(chunk)) await new Promise((r) => deflate.once("drain", r));
    }
    deflate.end();
    await ended;
    const data = Buffer.concat(compressed);
    // The local header and the central directory entry carry the same fields from the
    // compression method on; the central entry has one more version field before them.
    const member = (header: Buffer, at: number): void => {
      header.writeUInt16LE(8, at); // deflate
      header.writeUInt32LE(crc >>> 0, at + 6);
      header.writeUInt32LE(data.length, at + 10);
      header.writeUInt32LE(memberBytes, at + 14);
      header.writeUInt16LE(name.length, at + 18);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    member(local, 8);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    member(entry, 10);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    central.push(entry, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members, 8);
  end.writeUInt16LE(members, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
