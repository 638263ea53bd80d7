/**
 * `audit verify`, `audit list`, and the signed checkpoints (`audit keygen`, `audit checkpoint`,
 * `audit verify --checkpoint`): the chain alone shows edits by someone who does not recompute it;
 * a checkpoint signed with a key kept outside the database shows rewrites and truncation too.
 */
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import type { Command } from "commander";
import { verifyChain } from "../../access/audit-chain.ts";
import {
  checkAgainst,
  makeCheckpoint,
  newSigningKeys,
  parseCheckpoint,
  readPrivateKey,
  readPublicKey,
} from "../../access/audit-checkpoint.ts";
import { InvalidInputError } from "../../errors.ts";
import { printJson, withStore, type GlobalOptions } from "../context.ts";
import { wholeNumber } from "../options.ts";

function readText(file: string, where: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new InvalidInputError(`${where}: cannot read '${file}' (${(error as Error).message})`);
  }
}

/** The signing key: --key, else MONEYTRAIL_AUDIT_KEY (a file); never from the database. */
function signingKeyFile(option: string | undefined, env: string | undefined): string {
  const file = option ?? env;
  if (!file)
    throw new InvalidInputError(
      "audit checkpoint: give --key FILE or set MONEYTRAIL_AUDIT_KEY (make one with 'audit keygen')",
    );
  return file;
}

export function registerAuditCommands(program: Command): void {
  const globals = (): GlobalOptions => program.opts<GlobalOptions>();
  const audit = program.command("audit").description("the append-only, hash-chained audit log");
  audit
    .command("verify")
    .description(
      "check every entry follows from the one before (and, with --checkpoint, that the log still has the signed head); exit 1 when not",
    )
    .option("--checkpoint <file>", "a checkpoint made by 'audit checkpoint'")
    .option("--public-key <file>", "the trusted public key to check the checkpoint with")
    .option("--key <file>", "or the private key (its public half is used)")
    .action(async (options: { checkpoint?: string; publicKey?: string; key?: string }) => {
      await withStore(globals(), async (store, config) => {
        const check = await verifyChain(store.access.iterateAudit());
        if (check.broken) {
          process.stdout.write(
            `audit log BROKEN at entry ${check.broken.seq}: ${check.broken.reason} (${check.entries} entries before it hold)\n`,
          );
          process.exitCode = 1;
          return;
        }
        process.stdout.write(
          `audit log intact: ${check.entries} entries, head ${check.lastHash}\n`,
        );
        if (!options.checkpoint) return;
        const checkpoint = parseCheckpoint(
          readText(options.checkpoint, "audit verify: --checkpoint"),
          `audit verify: ${options.checkpoint}`,
        );
        const keyFile = options.publicKey ?? options.key ?? config.auditKeyFile;
        if (!keyFile)
          throw new InvalidInputError(
            "audit verify: --checkpoint needs a trusted key: --public-key FILE, --key FILE or MONEYTRAIL_AUDIT_KEY (the key inside the checkpoint proves nothing by itself)",
          );
        const trusted = readPublicKey(readText(keyFile, "audit verify: key"), keyFile);
        const verdict = await checkAgainst(
          checkpoint,
          trusted,
          store.access.iterateAudit(Math.max(0, checkpoint.seq - 1)),
        );
        if (!verdict.ok) {
          process.stdout.write(
            `audit log does NOT match checkpoint of entry ${checkpoint.seq} (${checkpoint.at}): ${verdict.reason}\n`,
          );
          process.exitCode = 1;
          return;
        }
        process.stdout.write(
          `audit log matches the signed checkpoint of entry ${checkpoint.seq} (${checkpoint.at})\n`,
        );
      });
    });
  audit
    .command("keygen")
    .description(
      "make an Ed25519 key pair for signing checkpoints (keep the private key off the database server's disks)",
    )
    .requiredOption(
      "--out <file>",
      "the private key's file (PEM, made readable by its owner only); the public key goes to FILE.pub",
    )
    .action((options: { out: string }) => {
      const { privateKey, publicKey } = newSigningKeys();
      writeFileSync(options.out, privateKey, { mode: 0o600, flag: "wx" });
      chmodSync(options.out, 0o600);
      writeFileSync(`${options.out}.pub`, publicKey, { flag: "wx" });
      process.stdout.write(publicKey);
    });
  audit
    .command("checkpoint")
    .description(
      "verify the chain and print its head signed with the key (JSON): keep it outside the database",
    )
    .option("--key <file>", "the private key (default: MONEYTRAIL_AUDIT_KEY)")
    .option("--out <file>", "write the checkpoint there instead of standard output")
    .action(async (options: { key?: string; out?: string }) => {
      await withStore(globals(), async (store, config) => {
        const file = signingKeyFile(options.key, config.auditKeyFile);
        const key = readPrivateKey(readText(file, "audit checkpoint: key"), file);
        const checkpoint = makeCheckpoint(await verifyChain(store.access.iterateAudit()), key);
        if (options.out) {
          writeFileSync(options.out, `${JSON.stringify(checkpoint, null, 2)}\n`);
          process.stderr.write(`checkpoint of entry ${checkpoint.seq} written to ${options.out}\n`);
        } else printJson(checkpoint);
      });
    });
  audit
    .command("list")
    .option("--limit <n>", "newest entries", "50")
    .option("--actor <name>")
    .option("--action <name>")
    .option("--json", "print JSON")
    .action(async (options: { limit: string; actor?: string; action?: string; json?: boolean }) => {
      await withStore(globals(), async (store) => {
        const entries = await store.access.recentAudit({
          limit: wholeNumber(options.limit, "audit list: --limit"),
          ...(options.actor ? { actor: options.actor } : {}),
          ...(options.action ? { action: options.action } : {}),
        });
        if (options.json) return printJson(entries);
        for (const e of entries)
          process.stdout.write(
            `${e.seq}\t${e.at}\t${e.actor}\t${e.action}\t${e.target ?? ""}\t${JSON.stringify(e.detail)}\n`,
          );
      });
    });
}
