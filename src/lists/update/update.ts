/**
 * `lists update`: fetch each dataset's official file (or take it from an offline folder or a
 * given file), check it, and import it as a new version unless it is byte-identical to the
 * active one. One dataset failing does not stop the others, and never touches its active version.
 */
import { access, copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../../config.ts";
import { InvalidInputError, MoneytrailError } from "../../errors.ts";
import type { Store } from "../../store/store.ts";
import { importList } from "../import.ts";
import { describeFile } from "../io/describe.ts";
import { downloadFile } from "./fetch.ts";
import { LIST_SOURCES, sourceUrl, type ListSource } from "./sources.ts";

export interface UpdateOptions {
  datasets?: string[];
  fromFile?: string;
  offlineDir?: string;
  log?: (line: string) => void;
  now?: Date;
}

export interface UpdateResult {
  dataset: string;
  status: "imported" | "unchanged" | "failed";
  detail: string;
}

export async function updateLists(
  store: Store,
  config: Config,
  options: UpdateOptions = {},
): Promise<UpdateResult[]> {
  const sources = selectSources(options.datasets);
  if (options.fromFile && sources.length !== 1) {
    throw new InvalidInputError("lists update: --from-file needs exactly one --dataset");
  }
  const results: UpdateResult[] = [];
  for (const source of sources) {
    try {
      results.push(await updateOne(store, config, source, options));
    } catch (error) {
      if (!(error instanceof MoneytrailError)) throw error;
      options.log?.(`${source.dataset}: ${error.message}`);
      results.push({ dataset: source.dataset, status: "failed", detail: error.message });
    }
  }
  return results;
}

function selectSources(datasets: string[] | undefined): ListSource[] {
  if (!datasets || datasets.length === 0) return [...LIST_SOURCES];
  return datasets.map((name) => {
    const source = LIST_SOURCES.find((s) => s.dataset === name);
    if (!source) {
      throw new InvalidInputError(
        `lists update: unknown dataset '${name}' (${LIST_SOURCES.map((s) => s.dataset).join(", ")})`,
      );
    }
    return source;
  });
}

async function updateOne(
  store: Store,
  config: Config,
  source: ListSource,
  options: UpdateOptions,
): Promise<UpdateResult> {
  const stamp = (options.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, "Z");
  const folder = path.join(config.dataDir, "downloads", source.dataset);
  await mkdir(folder, { recursive: true });
  const target = path.join(folder, `${stamp.replace(/[:]/g, "")}-${source.fileName}`);
  if (options.fromFile) {
    await copyFile(options.fromFile, target);
  } else if (options.offlineDir) {
    const offline = path.join(options.offlineDir, source.fileName);
    await access(offline).catch(() => {
      throw new InvalidInputError(`lists update: ${offline} not found in the offline folder`);
    });
    await copyFile(offline, target);
  } else {
    const url = sourceUrl(source, config.listUrls);
    options.log?.(`${source.dataset}: downloading ${url}`);
    await downloadFile(url, target, {
      maxBytes: config.maxDownloadBytes,
      timeoutSeconds: config.downloadTimeoutSeconds,
    });
  }
  const { sha256 } = await describeFile(target);
  const active = (await store.activeVersions()).find((v) => v.dataset === source.dataset);
  if (active?.files.length === 1 && active.files[0]!.sha256 === sha256) {
    return {
      dataset: source.dataset,
      status: "unchanged",
      detail: `same file as active version ${active.label}`,
    };
  }
  const { version } = await importList(store, [target], {
    format: source.format,
    dataset: source.dataset,
    version: stamp,
  });
  return {
    dataset: source.dataset,
    status: "imported",
    detail: `${version.label}: ${version.entries} entries`,
  };
}
