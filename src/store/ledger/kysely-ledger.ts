/**
 * The LedgerStore over Kysely. Bulk rows go in as one JSON parameter per batch, unpacked by the
 * database (json_each in SQLite, json_array_elements in PostgreSQL): one statement per few
 * thousand transfers instead of one per row, the same plan in both backends.
 */
import { registerCollection } from "../access/register.ts";
import { sql, type Kysely, type RawBuilder, type Transaction } from "kysely";
import type { Account, AccountLink, StoredAccount, Transfer } from "../../transactions/types.ts";
import type { StoreKind } from "../migrations/index.ts";
import { keysetPages } from "../paging.ts";
import type { SqliteTransfers, TransferRow } from "./sqlite-transfers.ts";
import type { Database } from "../schema.ts";
import type {
  LedgerCollections,
  LedgerImportMeta,
  LedgerImportResult,
  LedgerStore,
  LedgerSummary,
  LedgerWriter,
  StoredTransfer,
} from "./ledger-store.ts";

const READ_PAGE = 20_000;
const LINK_BATCH = 2_000;

export class KyselyLedger implements LedgerStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly kind: StoreKind,
    /** SQLite only: bulk inserts and reads on the driver's own handle (made after migration). */
    private readonly makeFast?: () => SqliteTransfers,
  ) {}

  private fastPaths?: SqliteTransfers;
  private get fast(): SqliteTransfers | undefined {
    this.fastPaths ??= this.makeFast?.();
    return this.fastPaths;
  }

  async importLedger(
    meta: LedgerImportMeta,
    fill: (writer: LedgerWriter) => Promise<void>,
  ): Promise<LedgerImportResult> {
    const fast = this.fast;
    if (fast) return fast.withBulkCache(() => this.importInTransaction(meta, fill));
    return this.importInTransaction(meta, fill);
  }

  private importInTransaction(
    meta: LedgerImportMeta,
    fill: (writer: LedgerWriter) => Promise<void>,
  ): Promise<LedgerImportResult> {
    return this.db.transaction().execute(async (trx) => {
      const last = await trx
        .selectFrom("tx_transfers")
        .select((eb) => eb.fn.max("seq").as("seq"))
        .executeTakeFirst();
      const writer = new BulkWriter(
        trx,
        this.kind,
        meta.dataset,
        Number(last?.seq ?? 0) + 1,
        this.fast,
      );
      await fill(writer);
      await registerCollection(trx, meta.dataset, false);
      const inserted = await trx
        .insertInto("tx_imports")
        .values({
          dataset: meta.dataset,
          format: meta.format,
          file: meta.file,
          sha256: meta.sha256,
          rows: writer.rows,
          added: writer.added,
          imported_at: new Date().toISOString(),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      return {
        importId: Number(inserted.id),
        dataset: meta.dataset,
        rows: writer.rows,
        added: writer.added,
        accounts: writer.accounts,
      };
    });
  }

  async *iterateTransfers(): AsyncIterable<StoredTransfer[]> {
    const fast = this.fast;
    yield* keysetPages(
      0,
      READ_PAGE,
      async (after): Promise<StoredTransfer[]> => {
        if (fast) return fast.readPage(after, READ_PAGE).map(fromTransferRow);
        const rows = await this.db
          .selectFrom("tx_transfers")
          .selectAll()
          .where("seq", ">", after)
          .orderBy("seq")
          .limit(READ_PAGE)
          .execute();
        return rows.map((row) => ({
          seq: Number(row.seq),
          dataset: row.dataset,
          id: row.id,
          source: row.source,
          target: row.target,
          amount: Number(row.amount),
          currency: row.currency,
          timestamp: Number(row.timestamp),
          reference: row.reference ?? undefined,
        }));
      },
      (transfer) => transfer.seq,
    );
  }

  async listAccounts(datasets?: Iterable<string>): Promise<StoredAccount[]> {
    const only = datasets && [...datasets];
    if (only?.length === 0) return [];
    let query = this.db.selectFrom("tx_accounts").selectAll();
    if (only) query = query.where("dataset", "in", only);
    const rows = await query.orderBy("id").orderBy("dataset").execute();
    return rows.map((row) => ({
      dataset: row.dataset,
      id: row.id,
      ownerName: row.owner_name ?? undefined,
      iban: row.iban ?? undefined,
      bic: row.bic ?? undefined,
      bank: row.bank ?? undefined,
      country: row.country ?? undefined,
    }));
  }

  async summary(): Promise<LedgerSummary> {
    const datasets = await this.db
      .selectFrom("tx_transfers")
      .select(["dataset", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("dataset")
      .orderBy("dataset")
      .execute();
    const accounts = await this.db
      .selectFrom("tx_accounts")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    const links = await this.db
      .selectFrom("tx_account_links")
      .select([
        (eb) => eb.fn.countAll<number>().as("n"),
        (eb) => eb.fn.max("linked_at").as("latest"),
      ])
      .executeTakeFirstOrThrow();
    const lastImport = await this.db
      .selectFrom("tx_imports")
      .select((eb) => eb.fn.max("id").as("id"))
      .executeTakeFirst();
    const transfers = datasets.reduce((sum, row) => sum + Number(row.n), 0);
    return {
      transfers,
      accounts: Number(accounts.n),
      links: Number(links.n),
      generation: `${lastImport?.id ?? 0}:${transfers}:${links.n}:${links.latest ?? ""}`,
      datasets: datasets.map((row) => ({ dataset: row.dataset, transfers: Number(row.n) })),
    };
  }

  async collections(): Promise<LedgerCollections> {
    // Transfers and account records come only through imports, each on record in tx_imports.
    const ledgers = await this.db.selectFrom("tx_imports").select("dataset").distinct().execute();
    const lists = await this.db
      .selectFrom("tx_account_links")
      .select("entity_datasets")
      .distinct()
      .execute();
    return {
      ledgers: ledgers.map((row) => row.dataset).sort(),
      linkedLists: [
        ...new Set(lists.flatMap((row) => JSON.parse(row.entity_datasets) as string[])),
      ].sort(),
    };
  }

  async replaceAccountLinks(links: AccountLink[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("tx_account_links").execute();
      for (let start = 0; start < links.length; start += LINK_BATCH) {
        await trx
          .insertInto("tx_account_links")
          .values(
            links.slice(start, start + LINK_BATCH).map((link) => ({
              dataset: link.dataset,
              account_id: link.accountId,
              entity_id: link.entityId,
              caption: link.caption,
              score: link.score,
              evidence: JSON.stringify(link.evidence),
              entity_datasets: JSON.stringify(link.entityDatasets),
              linked_at: link.linkedAt,
            })),
          )
          .execute();
      }
    });
  }

  async listAccountLinks(datasets?: Iterable<string>): Promise<AccountLink[]> {
    const only = datasets && [...datasets];
    if (only?.length === 0) return [];
    let query = this.db.selectFrom("tx_account_links").selectAll();
    if (only) query = query.where("dataset", "in", only);
    const rows = await query
      .orderBy("account_id")
      .orderBy("score", "desc")
      .orderBy("dataset")
      .orderBy("entity_id")
      .execute();
    return rows.map((row) => ({
      dataset: row.dataset,
      accountId: row.account_id,
      entityId: row.entity_id,
      caption: row.caption,
      score: Number(row.score),
      evidence: JSON.parse(row.evidence) as Record<string, unknown>,
      entityDatasets: JSON.parse(row.entity_datasets) as string[],
      linkedAt: row.linked_at,
    }));
  }
}

function fromTransferRow([
  seq,
  dataset,
  id,
  source,
  target,
  amount,
  currency,
  timestamp,
  reference,
]: TransferRow): StoredTransfer {
  return {
    seq,
    dataset,
    id,
    source,
    target,
    amount,
    currency,
    timestamp,
    reference: reference ?? undefined,
  };
}

/** Writes an import's rows inside its transaction, numbering transfers in arrival order. */
class BulkWriter implements LedgerWriter {
  rows = 0;
  added = 0;
  accounts = 0;

  constructor(
    private readonly trx: Transaction<Database>,
    private readonly kind: StoreKind,
    private readonly dataset: string,
    private nextSeq: number,
    private readonly fast?: SqliteTransfers,
  ) {}

  async writeTransfers(transfers: Transfer[]): Promise<void> {
    if (transfers.length === 0) return;
    const rows = transfers.map((t): TransferRow => [
      this.nextSeq++,
      this.dataset,
      t.id,
      t.source,
      t.target,
      t.amount,
      t.currency,
      t.timestamp,
      t.reference ?? null,
    ]);
    this.rows += transfers.length;
    if (this.fast) {
      this.added += this.fast.insert(rows);
      return;
    }
    const result = await this.insertTransfers(JSON.stringify(rows)).execute(this.trx);
    this.added += Number(result.numAffectedRows ?? 0n);
  }

  async writeAccounts(accounts: Account[]): Promise<void> {
    if (accounts.length === 0) return;
    const rows = accounts.map((a) => [
      a.id,
      this.dataset,
      a.ownerName ?? null,
      a.iban ?? null,
      a.bic ?? null,
      a.bank ?? null,
      a.country ?? null,
    ]);
    const result = await this.upsertAccounts(JSON.stringify(rows)).execute(this.trx);
    this.accounts += Number(result.numAffectedRows ?? 0n);
  }

  private insertTransfers(json: string): RawBuilder<unknown> {
    const columns = sql`(seq, dataset, id, source, target, amount, currency, timestamp, reference)`;
    if (this.kind === "postgres") {
      return sql`insert into tx_transfers ${columns}
        select (e->>0)::bigint, e->>1, e->>2, e->>3, e->>4, (e->>5)::double precision, e->>6,
               (e->>7)::double precision, e->>8
        from json_array_elements(${json}::json) as e
        on conflict (dataset, id) do nothing`;
    }
    // "where true" settles SQLite's parsing ambiguity between a SELECT's join and an upsert.
    return sql`insert into tx_transfers ${columns}
      select value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6,
             value->>7, value->>8
      from json_each(${json}) where true
      on conflict (dataset, id) do nothing`;
  }

  /**
   * Later details fill in what earlier imports of the same dataset left empty; they never blank
   * a known value. Another dataset's record of the same account id is its own row, untouched.
   */
  private upsertAccounts(json: string): RawBuilder<unknown> {
    const columns = sql`(id, dataset, owner_name, iban, bic, bank, country)`;
    const update = sql`on conflict (dataset, id) do update set
      owner_name = coalesce(excluded.owner_name, tx_accounts.owner_name),
      iban = coalesce(excluded.iban, tx_accounts.iban),
      bic = coalesce(excluded.bic, tx_accounts.bic),
      bank = coalesce(excluded.bank, tx_accounts.bank),
      country = coalesce(excluded.country, tx_accounts.country)`;
    if (this.kind === "postgres") {
      return sql`insert into tx_accounts ${columns}
        select distinct on (e->>0) e->>0, e->>1, e->>2, e->>3, e->>4, e->>5, e->>6
        from json_array_elements(${json}::json) as e ${update}`;
    }
    return sql`insert into tx_accounts ${columns}
      select value->>0, value->>1, value->>2, value->>3, value->>4, value->>5, value->>6
      from json_each(${json}) where true ${update}`;
  }
}
