/** `moneytrail docs …`: ingest files, search their text, list the names found in them. */
import type { Command } from "commander";
import { FORCE_HINT, refuseListName } from "../../access/collection-claims.ts";
import { InvalidInputError } from "../../errors.ts";
import { DEFAULT_COLLECTION, ingestPaths } from "../../documents/ingest.ts";
import { flatRelation } from "../../documents/extract/relations.ts";
import { networkExtractOptions } from "../../documents/link.ts";
import {
  createTesseractOcr,
  DEFAULT_OCR_LANGUAGES,
  OCR_LANGUAGES,
  parseOcrLanguages,
} from "../../documents/ocr.ts";
import { MENTION_TYPES, RELATION_KINDS } from "../../documents/types.ts";
import { ScreeningService } from "../../screening/service.ts";
import { printJson, withStore, type GlobalOptions } from "../context.ts";
import { startProgress } from "../progress.ts";

export function registerDocumentCommands(program: Command): void {
  const global = (): GlobalOptions => program.opts<GlobalOptions>();
  const docs = program
    .command("docs")
    .description("documents: ingest files and folders, search them, list what they name");

  docs
    .command("ingest <paths...>")
    .description("ingest files and folders (archives and e-mail attachments opened recursively)")
    .option("--collection <name>", "collection the documents belong to", DEFAULT_COLLECTION)
    .option("--ocr", "read scanned PDF pages and images with OCR (Tesseract, offline)")
    .option(
      "--ocr-lang <languages>",
      `OCR languages, up to three of ${OCR_LANGUAGES.join(", ")} joined by +`,
      DEFAULT_OCR_LANGUAGES.join("+"),
    )
    .option("--json", "print the report as JSON")
    .option("--force", "ingest even into an official list's name (reserved otherwise)")
    .action(
      async (
        paths: string[],
        flags: {
          collection: string;
          ocr?: boolean;
          ocrLang: string;
          json?: boolean;
          force?: boolean;
        },
      ) => {
        const ocr = flags.ocr ? createTesseractOcr(parseOcrLanguages(flags.ocrLang)) : undefined;
        try {
          await withStore(global(), async (store) => {
            // The server's rule (writable.ts): documents under a list's name take the list's
            // collection. The operator may insist, knowing what it does.
            if (!flags.force) await refuseListName(store, flags.collection, FORCE_HINT);
            const extract = await networkExtractOptions(new ScreeningService(store));
            const progress = startProgress("ingest", 0);
            const started = performance.now();
            const report = await ingestPaths(store, paths, {
              collection: flags.collection,
              extract,
              ocr,
              onProgress: (done) => progress.update(done),
            });
            const seconds = (performance.now() - started) / 1000;
            const read = report.ocrPages ? `, ${report.ocrPages} pages read by OCR` : "";
            progress.stop(
              `${report.collection}: ${report.files} files, ${report.documents} documents stored, ${report.duplicates} duplicates, ${report.failed.length} not readable, ${report.mentions} mentions (${report.linked} linked to listed entities), ${report.relations} relations${read} in ${seconds.toFixed(1)}s`,
            );
            for (const failure of report.failed)
              process.stderr.write(`  not read: ${failure.path}: ${failure.reason}\n`);
            if (report.unreadImages > 0)
              process.stderr.write(
                `  ${report.unreadImages} scanned pages or images have no text${flags.ocr ? " (OCR limit reached or failed)" : ": ingest again with --ocr to read them"}\n`,
              );
            if (flags.json) printJson({ ...report, seconds });
          });
        } finally {
          await ocr?.close();
        }
      },
    );

  docs
    .command("search <query>")
    .description('full-text search: all words must occur; "quoted phrases" stay together')
    .option("--collection <name>", "only this collection")
    .option("--entity <id>", "only documents mentioning this listed entity")
    .option(
      "--type <type>",
      `only documents with a mention of this type (${MENTION_TYPES.join(", ")})`,
    )
    .option("--schema <schema>", "only documents of this kind (Email, Pages, Table, Document)")
    .option("--from <date>", "documents dated on or after")
    .option("--to <date>", "documents dated on or before")
    .option("--limit <n>", "most hits", "20")
    .option("--json", "print as JSON")
    .action(
      async (
        query: string,
        flags: {
          collection?: string;
          entity?: string;
          type?: string;
          schema?: string;
          from?: string;
          to?: string;
          limit: string;
          json?: boolean;
        },
      ) => {
        const limit = Number(flags.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
          throw new InvalidInputError(`--limit must be a whole number from 1 to 1000`);
        await withStore(global(), async (store) => {
          const hits = await store.documents.search({
            text: query,
            collection: flags.collection,
            entityId: flags.entity,
            mentionType: flags.type,
            schema: flags.schema,
            from: flags.from,
            to: flags.to,
            limit,
          });
          if (flags.json) return printJson({ query, hits });
          for (const hit of hits) {
            const d = hit.document;
            process.stdout.write(`${d.id}  ${d.path}${d.title ? `  (${d.title})` : ""}\n`);
            process.stdout.write(
              `    ${hit.snippet
                .replace(/<mark>/g, "[")
                .replace(/<\/mark>/g, "]")
                .replace(/\s+/g, " ")}\n`,
            );
          }
          if (hits.length === 0) process.stderr.write("no documents match\n");
        });
      },
    );

  docs
    .command("relations [document-id]")
    .description(
      "what documents say links their names: co-mentions, subsidiaries, owners, reporting lines, payments",
    )
    .option("--kind <kind>", `only relations of this kind (${RELATION_KINDS.join(", ")})`)
    .option("--entity <id>", "only relations with this listed entity on either side")
    .option("--json", "print as JSON")
    .action(
      async (
        documentId: string | undefined,
        flags: { kind?: string; entity?: string; json?: boolean },
      ) => {
        if (flags.kind && !(RELATION_KINDS as readonly string[]).includes(flags.kind))
          throw new InvalidInputError(`--kind must be one of ${RELATION_KINDS.join(", ")}`);
        await withStore(global(), async (store) => {
          const relations = await store.documents.listRelations({
            documentId,
            kind: flags.kind,
            entityId: flags.entity,
          });
          if (flags.json)
            return printJson({
              relations: relations.map((r) => ({ document: r.documentId, ...flatRelation(r) })),
            });
          for (const r of relations) {
            const value = r.value ? `  ${r.value}` : "";
            const weight = r.kind === "co_mention" ? `  (${r.weight})` : "";
            process.stdout.write(
              `${r.documentId}  ${r.source.text}  —${r.kind}→  ${r.target.text}${value}${weight}\n`,
            );
          }
        });
      },
    );

  docs
    .command("entities [document-id]")
    .description("mentions found in one document, or in all")
    .option("--type <type>", "only mentions of this type")
    .option("--entity <id>", "only mentions linked to this listed entity")
    .option("--json", "print as JSON")
    .action(
      async (
        documentId: string | undefined,
        flags: { type?: string; entity?: string; json?: boolean },
      ) => {
        await withStore(global(), async (store) => {
          const mentions = await store.documents.listMentions({
            documentId,
            type: flags.type,
            entityId: flags.entity,
          });
          if (flags.json)
            return printJson({
              mentions: mentions.map((m) => ({
                document: m.documentId,
                text: m.text,
                type: m.type,
                start: m.start,
                end: m.end,
                confidence: m.confidence,
                entity_id: m.entityId ?? null,
                value: m.value ?? null,
                caption: m.entityCaption ?? null,
                score: m.score ?? null,
              })),
            });
          for (const m of mentions) {
            const link = m.entityId
              ? `  → ${m.entityCaption} (${m.entityId}, ${m.score?.toFixed(2)})`
              : "";
            process.stdout.write(`${m.documentId}  ${m.type.padEnd(12)} ${m.text}${link}\n`);
          }
        });
      },
    );

  docs
    .command("list")
    .description("documents in the store, with the files that could not be read and why")
    .option("--collection <name>", "only this collection")
    .option("--limit <n>", "most documents", "1000")
    .option("--json", "print as JSON")
    .action(async (flags: { collection?: string; limit: string; json?: boolean }) => {
      await withStore(global(), async (store) => {
        const documents = await store.documents.listDocuments({
          collection: flags.collection,
          limit: Number(flags.limit),
        });
        if (flags.json) return printJson({ documents });
        for (const d of documents)
          process.stdout.write(
            `${d.id}  ${d.status.padEnd(6)} ${d.schema.padEnd(8)} ${d.path}${d.error ? `: ${d.error}` : ""}\n`,
          );
      });
    });
}
