/** The matching algorithms the API offers; yente's names are accepted as aliases. */
export const DEFAULT_ALGORITHM = "moneytrail-v1";

export const ALGORITHMS = [
  {
    name: DEFAULT_ALGORITHM,
    aliases: [
      "best",
      "logic-v1",
      "logic-v2",
      "name-based",
      "name-qualified",
      "regression-v1",
      "regression-v2",
    ],
    description:
      "Romanisation-aware name alignment (Korean, Chinese, Japanese, Cyrillic), with birth date, country, gender and identifier features; scores in [0, 1], a perfect name alone 0.92.",
  },
] as const;
