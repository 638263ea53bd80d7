/** Photographs and scans (PNG, JPEG, TIFF, BMP, GIF, WebP): text only by OCR. */
import type { OcrEngine } from "../ocr.ts";
import type { ParsedFile } from "../types.ts";

export async function parseImage(
  bytes: Uint8Array,
  ocr: OcrEngine | undefined,
): Promise<ParsedFile> {
  if (!ocr) return { schema: "Image", text: "", unreadImages: 1 };
  const { text } = await ocr.recognize(bytes);
  return { schema: "Image", text, ocrPages: 1 };
}
