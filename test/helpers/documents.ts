/**
 * Test documents made on the fly, so the repository carries no binary fixtures: PDFs (plain and
 * encrypted), Word and Excel files, e-mails with attachments, ZIP archives (also hostile ones).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";

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
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, "0")} 00000 n \n`;
  const encrypt = options.encrypted
    ? ` /Encrypt ${objects.length} 0 R /ID [<${"01".repeat(16)}> <${"01".repeat(16)}>]`
    : "";
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 6 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
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
