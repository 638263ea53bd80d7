/**
 * Keyset paging: reads a table in pages ordered on a unique key, each page asking for rows after
 * the last key seen, so memory stays at one page and no OFFSET scan grows with the table.
 */
export async function* keysetPages<Row, Key>(
  first: Key,
  pageSize: number,
  fetchAfter: (after: Key) => Promise<Row[]>,
  keyOf: (row: Row) => Key,
): AsyncGenerator<Row[]> {
  let after = first;
  for (;;) {
    const rows = await fetchAfter(after);
    if (rows.length > 0) yield rows;
    if (rows.length < pageSize) return;
    after = keyOf(rows.at(-1)!);
  }
}
