/**
 * Ties account owners to listed entities through the screening engine: each account's owner
 * name, country and identifiers (IBAN, the account id itself when it is a wallet or IBAN) become
 * a query; hits at or above the threshold are kept with their explanation as evidence.
 */
import type { MatchQuery } from "../matching/types.ts";
import { caption } from "../model/entity.ts";
import type { ScreeningService } from "../screening/service.ts";
import type { Account, AccountLink, StoredAccount } from "./types.ts";

const BATCH = 500;

export interface LinkOptions {
  threshold: number;
  onProgress?: (done: number) => void;
}

function queryOf(account: Account): MatchQuery | undefined {
  const identifiers = [account.iban, account.id].filter((v): v is string =>
    Boolean(v && /^[A-Za-z0-9]{8,}$/.test(v)),
  );
  const names = account.ownerName ? [account.ownerName] : [];
  if (names.length === 0 && identifiers.length === 0) return undefined;
  return {
    schema: "LegalEntity",
    names,
    birthDates: [],
    countries: account.country ? [account.country.toLowerCase()] : [],
    identifiers,
  };
}

/**
 * Links each account record on its own: the same account id in two datasets may name two
 * holders, and each link stays with the dataset whose record made it.
 */
export async function linkAccounts(
  accounts: StoredAccount[],
  screening: ScreeningService,
  options: LinkOptions,
): Promise<AccountLink[]> {
  const links: AccountLink[] = [];
  const linkedAt = new Date().toISOString();
  const candidates = accounts.flatMap((account) => {
    const query = queryOf(account);
    return query ? [{ account, query }] : [];
  });
  for (let start = 0; start < candidates.length; start += BATCH) {
    const batch = candidates.slice(start, start + BATCH);
    const answers = await screening.match(
      batch.map((c) => c.query),
      { threshold: options.threshold, limit: 3 },
      batch.map((c) => `account:${c.account.id}`),
    );
    answers.forEach((answer, i) => {
      for (const hit of answer.results) {
        if (!hit.match || hit.decision?.decision === "cleared") continue;
        links.push({
          dataset: batch[i]!.account.dataset,
          accountId: batch[i]!.account.id,
          entityId: hit.entity.id,
          caption: caption(hit.entity),
          score: hit.score,
          evidence: {
            query: answer.query,
            features: hit.features,
            explanations: hit.explanations,
            datasets: hit.entity.datasets,
          },
          entityDatasets: hit.entity.datasets,
          linkedAt,
        });
      }
    });
    options.onProgress?.(Math.min(start + BATCH, candidates.length));
  }
  return links;
}
