/**
 * Mongolian names give the father's name first, in the genitive: Khaltmaagiin Battulga is
 * Battulga, son of Khaltmaa, and is written Battulga Khaltmaa too (Халтмаагийн, -гийн; -ийн after
 * a consonant). The case ending is not part of the name: a second form drops it.
 */

/** A part ending in the genitive -iin or -giin, with at least three letters of stem. */
const GENITIVE = /\b(\p{L}{3,}?)g?iin\b/giu;

/**
 * The name without genitive endings on its parts, or undefined when none has one or the name is
 * a single part: "Khaltmaagiin Battulga" → "Khaltmaa Battulga".
 */
export function withoutGenitive(name: string): string | undefined {
  if (!/\S\s+\S/u.test(name)) return undefined;
  const stripped = name.replace(GENITIVE, "$1");
  return stripped === name ? undefined : stripped;
}
