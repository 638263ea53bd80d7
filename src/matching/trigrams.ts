/**
 * Candidate keys of a name form: character trigrams of each part's phonetic key, padded at both
 * ends, so that word order, joined syllables and single typos still share most keys.
 */
import type { PreparedForm } from "../names/prepare.ts";

export function formTrigrams(form: PreparedForm, into: Set<string>): void {
  for (const key of form.keys) {
    const padded = `#${key}#`;
    if (padded.length <= 3) {
      into.add(padded);
      continue;
    }
    for (let i = 0; i + 3 <= padded.length; i++) into.add(padded.slice(i, i + 3));
  }
}
