/**
 * Candidate keys of a name form: character trigrams of each part's phonetic key, padded at both
 * ends, so that word order and single typos still share most keys; and the trigrams where
 * neighbouring short parts meet when run together (Saif Ullah, Saifullah: "ifu", "ful"), so that
 * a name written joined and the same name written split share the rare trigrams that find it.
 */
import type { PreparedForm } from "../names/prepare.ts";

/**
 * Adds the form's trigrams to `into`, and those only its parts run together have to `joins`
 * (to `into` when not given): a query's joins add to a listed name's overlap without raising
 * the share of the query every listed name must overlap.
 */
export function formTrigrams(form: PreparedForm, into: Set<string>, joins = into): void {
  for (const key of form.keys) addTrigrams(`#${key}#`, into, into);
  // Units of several parts are the joins prepare.ts allows (syllable-sized parts only); initials
  // run together (J. B. Bokassa) would only add rare trigrams no spelling of the name has.
  for (const unit of form.units)
    if ((unit.mask & (unit.mask - 1)) !== 0 && !hasInitial(form.tokens, unit.mask))
      addTrigrams(`#${unit.key}#`, joins, into);
}

function addTrigrams(padded: string, into: Set<string>, known: Set<string>): void {
  if (padded.length <= 3) {
    if (!known.has(padded)) into.add(padded);
    return;
  }
  for (let i = 0; i + 3 <= padded.length; i++) {
    const trigram = padded.slice(i, i + 3);
    if (!known.has(trigram)) into.add(trigram);
  }
}

function hasInitial(tokens: string[], mask: number): boolean {
  for (let i = 0; i < tokens.length; i++) if (mask & (1 << i) && tokens[i]!.length < 2) return true;
  return false;
}
