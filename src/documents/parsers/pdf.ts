/**
 * PDF text layer per page, with title, author and dates from the document information. An
 * encrypted PDF is refused with that reason. A page without a text layer (a scan) is rendered and
 * read by OCR when an engine is given, and counted as unread otherwise.
 */
import {
  createIsomorphicCanvasFactory,
  extractText,
  getDocumentProxy,
  getMeta,
  renderPageAsImage,
} from "unpdf";
import type { OcrEngine } from "../ocr.ts";
import { DocumentParseError, type ParsedFile } from "../types.ts";

/** A page with fewer letters than this in its text layer is taken for a scan. */
const MIN_TEXT_LAYER_CHARS = 16;
/** Long side of a rendered page, in pixels: about 300 dpi for A4, what Tesseract reads best. */
const OCR_RENDER_PIXELS = 3300;

export interface PdfOptions {
  ocr?: OcrEngine | undefined;
  /** Pages read by OCR at most; the rest stay unread (a 2,000-page scan takes hours). */
  maxOcrPages: number;
}

export async function parsePdf(bytes: Uint8Array, options: PdfOptions): Promise<ParsedFile> {
  // Pages are drawn for OCR on @napi-rs/canvas, which pdf.js needs from the start (images too).
  const CanvasFactory = options.ocr ? await createIsomorphicCanvasFactory(loadCanvas) : undefined;
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { CanvasFactory }).catch(
    (error: Error) => {
      if (error.name === "PasswordException")
        throw new DocumentParseError("encrypted PDF: a password is needed to read it");
      throw new DocumentParseError(`not a readable PDF: ${error.message}`);
    },
  );
  try {
    const { text } = await extractText(pdf, { mergePages: false });
    const { info } = await getMeta(pdf).catch(() => ({ info: {} as Record<string, unknown> }));
    const field = (key: string): string | undefined => {
      const value = (info as Record<string, unknown>)[key];
      return typeof value === "string" && value.trim() ? value.trim() : undefined;
    };
    const pages = text.map((page) => page.trim());
    const scans = pages.flatMap((page, index) =>
      page.replace(/\s/g, "").length < MIN_TEXT_LAYER_CHARS ? [index] : [],
    );
    let read = 0;
    if (options.ocr) {
      const ocr = options.ocr;
      // Rendering is sequential (pdf.js, this thread); recognition runs on the OCR workers. A page
      // that fails either step stays unread; the rest of the document is kept.
      const jobs: Array<Promise<void>> = [];
      for (const index of scans.slice(0, options.maxOcrPages)) {
        const image = await renderPage(pdf, index + 1).catch(() => undefined);
        if (!image) continue;
        jobs.push(
          ocr.recognize(image).then(
            (result) => {
              pages[index] = result.text;
              read++;
            },
            () => undefined,
          ),
        );
      }
      await Promise.all(jobs);
    }
    return {
      schema: "Pages",
      text: pages.join("\n\n"),
      pages,
      title: field("Title"),
      author: field("Author"),
      date: pdfDate(field("CreationDate")),
      unreadImages: scans.length - read,
      ocrPages: read,
    };
  } finally {
    await pdf.destroy();
  }
}

type CanvasImport = NonNullable<Parameters<typeof createIsomorphicCanvasFactory>[0]>;
// unpdf's types expect the module with a default export; at run time it uses the named ones.
const loadCanvas = (() => import("@napi-rs/canvas")) as unknown as CanvasImport;

type PdfProxy = Awaited<ReturnType<typeof getDocumentProxy>>;

async function renderPage(pdf: PdfProxy, pageNumber: number): Promise<Uint8Array> {
  const page = await pdf.getPage(pageNumber);
  const { width, height } = page.getViewport({ scale: 1 });
  const scale = Math.min(6, OCR_RENDER_PIXELS / Math.max(width, height, 1));
  const png = await renderPageAsImage(pdf, pageNumber, { canvasImport: loadCanvas, scale });
  return new Uint8Array(png);
}

/** `D:20170304120000+09'00'` → `2017-03-04`. */
function pdfDate(value: string | undefined): string | undefined {
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(value ?? "");
  if (!m) return undefined;
  return [m[1], m[2] ?? "01", m[3] ?? "01"].join("-");
}
