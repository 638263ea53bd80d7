/**
 * Given names and surnames in Latin letters, for telling "Richard Haass" (a person) from "Sony
 * Pictures" (not one) where no title or surname says so, and a city from a surname. The lists
 * come from @faker-js/faker's locale data, the largest maintained name lists on npm: every locale
 * written in Latin letters (about 60 of them, from Vietnamese to Yoruba), and the Russian,
 * Ukrainian and Greek ones romanised as news writes them (Wikipedia's and the passport schemes
 * for Cyrillic: Andrey and Andrei, Dmitry and Dmitrii). No dictionary of names is kept here.
 */
import { allLocales } from "@faker-js/faker";
import anyAscii from "any-ascii";
import iuliia from "iuliia";

type NameLists = { generic?: string[]; female?: string[]; male?: string[] } | undefined;

const LATIN_NAME = /^[\p{Script=Latin}'’ -]+$/u;
const CYRILLIC_SCHEMES = [iuliia.WIKIPEDIA, iuliia.ICAO_DOC_9303, iuliia.BGN_PCGN];

/** Every spelling of the names of all locales, lower-cased. */
function collect(pick: (person: { first_name?: NameLists; last_name?: NameLists }) => NameLists) {
  const names = new Set<string>();
  for (const [code, locale] of Object.entries(allLocales)) {
    const person = (locale as { person?: Parameters<typeof pick>[0] }).person;
    const lists = person ? pick(person) : undefined;
    if (!lists) continue;
    for (const name of [lists.generic, lists.female, lists.male].flat()) {
      if (!name) continue;
      for (const spelling of romanised(name, code)) names.add(spelling.toLowerCase());
    }
  }
  return names;
}

function romanised(name: string, locale: string): string[] {
  if (LATIN_NAME.test(name)) return [name];
  if (/^(ru|uk)/.test(locale))
    return CYRILLIC_SCHEMES.map((scheme) => iuliia.translate(name, scheme));
  if (locale === "el") return [anyAscii(name)];
  // Abjads (Arabic, Hebrew, Persian) lose their vowels in any-ascii; CJK names are matched
  // by their own rules.
  return [];
}

let names: Set<string> | undefined;

/** Lower-case given names. */
export function givenNames(): Set<string> {
  names ??= collect((person) => person.first_name);
  return names;
}

let surnames: Set<string> | undefined;

/** Lower-case surnames, for telling a city from a person's name. */
export function commonSurnames(): Set<string> {
  surnames ??= collect((person) => person.last_name);
  return surnames;
}
