/** The shared list snapshots the benchmarks load together: every big official list we have. */
export const SHARED_LISTS = [
  "data/lists/un/UN_consolidated_2026-02-27.xml",
  "data/lists/ofac-sdn-csv-snapshots/sdn_2024-05-03.csv",
  "data/lists/ofac-consolidated-csv/cons_prim.csv",
  "data/lists/us-csl/consolidated.csv",
  "data/lists/uk-fcdo-summary/UK_Sanction_List_2025-08-11.converted.csv",
];
