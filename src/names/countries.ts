/**
 * Country names in organisations' names, which lists add or drop (Sberbank of Russia, Korea
 * Kwangson Banking Corp): compared when both names have one, set aside when only one does.
 */
import { englishCountryNames } from "../model/clean/countries.ts";
import { foldName } from "./normalize.ts";

/**
 * Everyday names i18n-iso-countries lacks (it has "Syrian Arab Republic", not "Syria") and the
 * adjectives bodies' names use (Iranian, Syrian).
 */
const SHORT_NAMES = `syria laos moldova brunei macedonia burma palestine russian chinese iranian
  syrian iraqi american british german french turkish venezuelan cuban belarusian ukrainian
  libyan lebanese yemeni afghan pakistani indian japanese emirati saudi qatari kuwaiti omani
  egyptian sudanese somali eritrean ethiopian nigerian malian burmese cambodian vietnamese thai
  malaysian indonesian filipino mexican colombian nicaraguan bolivian brazilian argentine
  hongkong macau macao`
  .split(/\s+/)
  .filter(Boolean);

let countryWords: Set<string> | undefined;

/**
 * Whether a folded token is a one-word country name ("korea" stands for DPRK and Choson too),
 * or "general", which lists add to a DPRK body's name or leave out the same way (Korea Ryonbong
 * General Corporation, Choson Ryonbong Hoesa).
 */
export function isOptionalWord(token: string): boolean {
  // "Venture" likewise: Hapyong is a joint venture, and lists write "Joint Bank" or "Joint Venture".
  // "WPK" too: the party's departments are listed with and without it.
  return token === "general" || token === "venture" || token === "wpk" || isCountryWord(token);
}

/** Whether a folded token is a one-word country name or a country's adjective (Korea, Syrian). */
export function isCountryWord(token: string): boolean {
  countryWords ??= new Set([
    "korea",
    ...SHORT_NAMES,
    ...englishCountryNames()
      .map((name) => foldName(name))
      .filter((name) => /^[a-z]+$/.test(name)),
  ]);
  return countryWords.has(token);
}
