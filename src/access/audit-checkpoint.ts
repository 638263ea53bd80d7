/**
 * Signed checkpoints of the audit log. The hash chain shows a change made by someone who does
 * not recompute it; but anyone who can write the database can recompute it with the public
 * formula, and deleting the newest entries leaves a chain that holds. A checkpoint is the chain's
 * head (sequence number and hash) signed with an Ed25519 key kept outside the database: checked
 * later with the public key, it proves the chain had exactly that head then, so a rewrite of any
 * entry up to it (the hash at that place changes) or a truncation below it (the place is gone)
 * is found. Checkpoints are worth what is done with them: export them often, keep them where the
 * database's administrators cannot write (a ticket, an e-mail to oversight, another agency).
 */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from "node:crypto";
import { InvalidInputError } from "../errors.ts";
import { canonicalJson } from "./canonical-json.ts";
import type { AuditEntry, ChainCheck } from "./audit-chain.ts";

export const CHECKPOINT_KIND = "moneytrail-audit-checkpoint";

export interface CheckpointHead {
  /** The sequence number of the newest entry, and its hash. */
  seq: number;
  hash: string;
  /** When the checkpoint was made. */
  at: string;
}

export interface Checkpoint extends CheckpointHead {
  kind: typeof CHECKPOINT_KIND;
  version: 1;
  /** The signer's public key (SPKI, PEM): to tell keys apart, never trusted on its own. */
  public_key: string;
  /** Ed25519 signature of the signed text, base64. */
  signature: string;
}

/** A new Ed25519 key pair as PEM texts (PKCS#8 private, SPKI public). */
export function newSigningKeys(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicKey: publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
}

/** The private key in a PEM text; a clear error for anything else. */
export function readPrivateKey(pem: string, where: string): KeyObject {
  return readEd25519(() => createPrivateKey(pem), "private", where);
}

/** The public key in a PEM text (or the public half of a private key). */
export function readPublicKey(pem: string, where: string): KeyObject {
  return readEd25519(() => createPublicKey(pem), "public", where);
}

function readEd25519(read: () => KeyObject, kind: string, where: string): KeyObject {
  try {
    const key = read();
    if (key.asymmetricKeyType !== "ed25519") throw new Error("not an Ed25519 key");
    return key;
  } catch (error) {
    throw new InvalidInputError(
      `${where}: not an Ed25519 ${kind} key (${(error as Error).message})`,
    );
  }
}

/** What is signed: the kind, version and head, in a fixed order. */
function signedText(head: CheckpointHead): Buffer {
  return Buffer.from(canonicalJson([CHECKPOINT_KIND, 1, head.seq, head.hash, head.at]));
}

/** Signs the head of a chain that was verified first (a broken chain gets no checkpoint). */
export function makeCheckpoint(
  check: ChainCheck,
  privateKey: KeyObject,
  at = new Date(),
): Checkpoint {
  if (check.broken)
    throw new InvalidInputError(
      `audit checkpoint: the chain is broken at entry ${check.broken.seq} (${check.broken.reason}); no checkpoint is signed over it`,
    );
  const head: CheckpointHead = { seq: check.entries, hash: check.lastHash, at: at.toISOString() };
  return {
    kind: CHECKPOINT_KIND,
    version: 1,
    ...head,
    public_key: createPublicKey(privateKey).export({ type: "spki", format: "pem" }).toString(),
    signature: sign(null, signedText(head), privateKey).toString("base64"),
  };
}

/** A checkpoint read from a file, its fields checked; the signature is checked by checkAgainst. */
export function parseCheckpoint(text: string, where: string): Checkpoint {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InvalidInputError(`${where}: not JSON`);
  }
  const c = value as Partial<Checkpoint>;
  if (c.kind !== CHECKPOINT_KIND || c.version !== 1)
    throw new InvalidInputError(`${where}: not a moneytrail audit checkpoint (kind, version)`);
  if (!Number.isInteger(c.seq) || (c.seq as number) < 0)
    throw new InvalidInputError(`${where}: seq must be a whole number`);
  if (typeof c.hash !== "string" || !/^[0-9a-f]{64}$/.test(c.hash))
    throw new InvalidInputError(`${where}: hash must be 64 hex digits`);
  if (typeof c.at !== "string" || typeof c.signature !== "string")
    throw new InvalidInputError(`${where}: at and signature are required`);
  return c as Checkpoint;
}

export type CheckpointVerdict = { ok: true; seq: number } | { ok: false; reason: string };

/**
 * Whether the stored chain still has the signed head: the signature must verify with the trusted
 * key, and the entry at the checkpoint's place must exist with the signed hash.
 */
export async function checkAgainst(
  checkpoint: Checkpoint,
  trusted: KeyObject,
  entries: AsyncIterable<AuditEntry>,
): Promise<CheckpointVerdict> {
  const signature = Buffer.from(checkpoint.signature, "base64");
  if (!verify(null, signedText(checkpoint), trusted, signature))
    return { ok: false, reason: "the signature does not verify with the trusted key" };
  if (checkpoint.seq === 0) return { ok: true, seq: 0 };
  for await (const entry of entries) {
    if (entry.seq < checkpoint.seq) continue;
    if (entry.seq > checkpoint.seq)
      return { ok: false, reason: `entry ${checkpoint.seq} is missing (entries were deleted)` };
    return entry.hash === checkpoint.hash
      ? { ok: true, seq: checkpoint.seq }
      : {
          ok: false,
          reason: `entry ${checkpoint.seq} does not have the signed hash (the log was rewritten)`,
        };
  }
  return {
    ok: false,
    reason: `the log ends before entry ${checkpoint.seq} (entries were deleted)`,
  };
}
