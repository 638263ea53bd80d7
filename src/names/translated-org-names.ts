/**
 * Organisation names in Persian, Arabic, Khmer and Thai script with their generic words in
 * English (the vocabularies: arabic-org-words.ts, khmer-org-words.ts, thai-org-words.ts), the
 * rest romanised: the forms romanize.ts puts before the plain romanisations. Han and Hangul
 * names have their own reading (cjk-org-names.ts).
 */
import { arabicOrganisationForms } from "./arabic-org-words.ts";
import { khmerOrganisationForms } from "./khmer-org-words.ts";
import type { NameKind } from "./normalize.ts";
import type { Script } from "./script.ts";
import { thaiOrganisationForms } from "./thai-org-words.ts";

/**
 * The translated forms of `text`, none for a person's name; a name of unknown kind is read as an
 * organisation's only when it has a word that only organisations' names have (bank, party).
 */
export function translatedOrganisationForms(
  text: string,
  scripts: ReadonlySet<Script>,
  kind: NameKind,
): string[] {
  if (kind === "person") return [];
  const needHead = kind !== "organization";
  const forms: string[] = [];
  if (scripts.has("arabic")) forms.push(...arabicOrganisationForms(text, needHead));
  if (scripts.has("khmer")) forms.push(...khmerOrganisationForms(text, needHead));
  if (scripts.has("thai")) forms.push(...thaiOrganisationForms(text, needHead));
  return forms;
}
