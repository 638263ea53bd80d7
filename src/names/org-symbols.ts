/**
 * Words of organisations' names in many languages and their English word (agencia, agentstvo,
 * ajans: agency), read from the table generated out of opensanctions/rigour (data/org-symbols.ts).
 */
import { ORG_SYMBOL_TABLE } from "./data/org-symbols.ts";

/** Each spelling or translation of a word, with the English word it stands for. */
export function orgSymbolWords(): Map<string, string> {
  const words = new Map<string, string>();
  for (const line of ORG_SYMBOL_TABLE.split("\n")) {
    const [english, ...others] = line.split(" ");
    for (const other of others) words.set(other, english!);
  }
  return words;
}
