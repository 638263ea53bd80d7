/**
 * A trace as Sankey data. A Sankey must be acyclic, and money does go round (that is a typology
 * of its own): edges closing a loop are left out of the drawing and counted, and the table
 * beside it still lists every account.
 */
import type { TraceAnswer } from "../api.ts";

export interface SankeyData {
  nodes: Array<{ name: string; label: string }>;
  links: Array<{ source: string; target: string; value: number }>;
  /** Edges left out because they close a loop. */
  loops: number;
}

export function sankeyData(trace: TraceAnswer, label: (account: string) => string): SankeyData {
  const out = new Map<string, Array<{ target: string; value: number }>>();
  for (const edge of trace.edges) {
    const list = out.get(edge.source) ?? [];
    list.push({ target: edge.target, value: edge.amount });
    out.set(edge.source, list);
  }
  // Depth-first from the origins (then any account left): an edge into an account still on the
  // stack closes a loop.
  const state = new Map<string, "open" | "done">();
  const links: SankeyData["links"] = [];
  let loops = 0;
  const visit = (account: string): void => {
    state.set(account, "open");
    for (const { target, value } of out.get(account) ?? []) {
      if (state.get(target) === "open") {
        loops++;
        continue;
      }
      links.push({ source: account, target, value });
      if (!state.has(target)) visit(target);
    }
    state.set(account, "done");
  };
  for (const origin of [trace.origin].flat()) if (!state.has(origin)) visit(origin);
  for (const account of out.keys()) if (!state.has(account)) visit(account);
  const names = new Set(links.flatMap((l) => [l.source, l.target]));
  return {
    nodes: [...names].map((name) => ({ name, label: label(name) })),
    links,
    loops,
  };
}
