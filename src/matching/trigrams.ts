/**
 * Candidate keys of a name form: character trigrams of each part's phonetic key, padded at both
 * ends, so that word order and single typos still share most keys; and the trigrams where
 * neighbouring short parts meet when run together (Saif Ullah, Saifullah: "ifu", "ful"), so that
 * a name written joined and the same name written split share the rare trigrams that find it.
 * A query's joins count in the share of it a listed name must overlap: left out, they let three
 * times as many hopeless names through to be aligned (bench:screening), and on eval:screening no
 * pair the scorer matches is lost by counting them.
 */
import { MAX_JOINED_PAIR_PART, type PreparedForm } from "../names/prepare.ts";

export function formTrigrams(form: PreparedForm, into: Set<string>): void {
  for (const key of form.keys) formTrigramsOf(key, into);
  // Units of several parts are the joins prepare.ts allows (syllable-sized parts only); initials
  // run together (J. B. Bokassa) would only add rare trigrams no spelling of the name has.
  for (const unit of form.units)
    if ((unit.mask & (unit.mask - 1)) !== 0 && !hasInitial(form.tokens, unit.mask))
      addTrigrams(`#${unit.key}#`, into);
  // A person's last part run into the first: lists put the family name first (AL-SHAAR, Mohammad
  // Ibrahim) where customers put it last, and the join of the two is often a query's rarest
  // trigrams ("ims", "msa" of Ibrahim Shaar).
  const last = form.tokens.length - 1;
  if (form.kind === "person" && last >= 1 && last < MAX_WRAPPED_PARTS) {
    const [first, end] = [form.tokens[0]!, form.tokens[last]!];
    if (
      first.length > 1 &&
      end.length > 1 &&
      first.length <= MAX_JOINED_PAIR_PART &&
      end.length <= MAX_JOINED_PAIR_PART
    )
      addTrigrams(`#${form.keys[last]}${form.keys[0]}#`, into);
  }
}

/** Names of more parts than this get no join of their ends. */
const MAX_WRAPPED_PARTS = 5;

/** The trigrams of one part's phonetic key, padded as `formTrigrams` pads it. */
export function formTrigramsOf(key: string, into: Set<string>): void {
  addTrigrams(`#${key}#`, into);
}

function addTrigrams(padded: string, into: Set<string>): void {
  if (padded.length <= 3) {
    into.add(padded);
    return;
  }
  for (let i = 0; i + 3 <= padded.length; i++) into.add(padded.slice(i, i + 3));
}

function hasInitial(tokens: string[], mask: number): boolean {
  for (let i = 0; i < tokens.length; i++) if (mask & (1 << i) && tokens[i]!.length < 2) return true;
  return false;
}
