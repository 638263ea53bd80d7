/**
 * Country names in organisations' names, which lists add or drop (Sberbank of Russia, Korea
 * Kwangson Banking Corp): compared when both names have one, set aside when only one does.
 */
import { englishCountryNames } from "../model/clean/countries.ts";
import { foldName } from "./normalize.ts";

let countryWords: Set<string> | undefined;

/**
 * Whether a folded token is a one-word country name ("korea" stands for DPRK and Choson too),
 * or "general", which lists add to a DPRK body's name or leave out the same way (Korea Ryonbong
 * General Corporation, Choson Ryonbong Hoesa).
 */
export function isOptionalWord(token: string): boolean {
  if (token === "general") return true;
  countryWords ??= new Set([
    "korea",
    ...englishCountryNames()
      .map((name) => foldName(name))
      .filter((name) => /^[a-z]+$/.test(name)),
  ]);
  return countryWords.has(token);
}
