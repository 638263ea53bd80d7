/**
 * Given names in Latin letters, for telling "Richard Haass" (a person) from "Sony Pictures" (not
 * one) where no title or surname says so. The lists come from @faker-js/faker's locale data,
 * the largest maintained given-name lists on npm (about 9,000 names across ten locales); no
 * dictionary of names is kept here.
 */
import { de, en, es, fr, it, nl, pl, pt_BR, sv, tr } from "@faker-js/faker";

let names: Set<string> | undefined;

/** Lower-case given names. */
export function givenNames(): Set<string> {
  if (names) return names;
  names = new Set();
  for (const locale of [en, de, fr, es, it, nl, pl, pt_BR, sv, tr]) {
    const first = locale.person?.first_name;
    if (!first) continue;
    for (const list of [first.generic, first.female, first.male])
      for (const name of list ?? []) names.add(name.toLowerCase());
  }
  return names;
}
