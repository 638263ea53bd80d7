/**
 * OCR of scanned pages and images with tesseract.js (Tesseract compiled to WebAssembly), reading
 * its language data from the `@tesseract.js-data/*` packages installed with moneytrail: nothing is
 * fetched. Workers start on the first image and are shared by every file of an ingest.
 */
import { mkdtemp, rm, symlink } from "node:fs/promises";
import { createRequire } from "node:module";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import type { Scheduler } from "tesseract.js";
import { InvalidInputError } from "../errors.ts";

export const OCR_LANGUAGES = ["eng", "kor", "chi_sim", "jpn"] as const;
export type OcrLanguage = (typeof OCR_LANGUAGES)[number];
export const DEFAULT_OCR_LANGUAGES: OcrLanguage[] = ["eng", "kor"];
/** Tesseract drops the fourth of four models loaded together ("Failed loading language ''"). */
const MAX_LANGUAGES = 3;

export interface OcrResult {
  text: string;
  /** Tesseract's mean word confidence, 0–1. */
  confidence: number;
}

export interface OcrEngine {
  readonly languages: readonly OcrLanguage[];
  /** An encoded image (PNG, JPEG, TIFF, BMP, GIF, WebP) to text. */
  recognize(image: Uint8Array): Promise<OcrResult>;
  close(): Promise<void>;
}

/** `eng+kor` → the languages, refusing unknown codes and more than Tesseract loads at once. */
export function parseOcrLanguages(spec: string): OcrLanguage[] {
  const codes = spec
    .split(/[+,\s]+/)
    .map((code) => code.trim())
    .filter(Boolean);
  const unknown = codes.filter((code) => !(OCR_LANGUAGES as readonly string[]).includes(code));
  if (unknown.length > 0)
    throw new InvalidInputError(
      `unknown OCR language ${unknown.join(", ")}: use ${OCR_LANGUAGES.join(", ")}`,
    );
  if (codes.length === 0) throw new InvalidInputError("no OCR language given");
  if (codes.length > MAX_LANGUAGES)
    throw new InvalidInputError(
      `at most ${MAX_LANGUAGES} OCR languages at once, got ${codes.length}`,
    );
  return [...new Set(codes)] as OcrLanguage[];
}

export function createTesseractOcr(
  languages: readonly OcrLanguage[] = DEFAULT_OCR_LANGUAGES,
  workers = Math.min(2, availableParallelism()),
): OcrEngine {
  let started: Promise<{ scheduler: Scheduler; dataDir: string }> | undefined;
  const start = async (): Promise<{ scheduler: Scheduler; dataDir: string }> => {
    const { createScheduler, createWorker, OEM } = await import("tesseract.js");
    const dataDir = await languageDirectory(languages);
    const scheduler = createScheduler();
    for (let i = 0; i < workers; i++) {
      const worker = await createWorker([...languages], OEM.LSTM_ONLY, {
        langPath: dataDir,
        gzip: true,
        // The data is read from the packages every run; tesseract.js would otherwise write a copy
        // into the working directory.
        cacheMethod: "none",
      });
      // Without it, Tesseract spaces out Hangul read with eng+kor ("조 선 무 역 은행").
      await worker.setParameters({ preserve_interword_spaces: "1" });
      scheduler.addWorker(worker);
    }
    return { scheduler, dataDir };
  };
  return {
    languages,
    async recognize(image) {
      started ??= start();
      const { scheduler } = await started;
      const result = await scheduler.addJob("recognize", Buffer.from(image));
      return { text: result.data.text.trim(), confidence: result.data.confidence / 100 };
    },
    async close() {
      if (!started) return;
      const { scheduler, dataDir } = await started;
      await scheduler.terminate();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * tesseract.js reads every language from one folder, while each language ships in its own package:
 * a temporary folder of links to the packages' files joins them. (Passing the models as bytes
 * instead is broken in tesseract.js 7: it names them by their data.)
 */
async function languageDirectory(languages: readonly OcrLanguage[]): Promise<string> {
  const require = createRequire(import.meta.url);
  const dir = await mkdtemp(path.join(tmpdir(), "moneytrail-ocr-"));
  for (const code of languages) {
    const packageJson = require.resolve(`@tesseract.js-data/${code}/package.json`);
    // The integer-quantised LSTM models: a third of the size, the same text on our pages.
    const model = path.join(path.dirname(packageJson), "4.0.0_best_int", `${code}.traineddata.gz`);
    await symlink(model, path.join(dir, `${code}.traineddata.gz`));
  }
  return dir;
}
