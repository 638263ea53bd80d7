/** Plain-text views of graph answers for the terminal. */
import type { Network } from "./network.ts";
import type { GraphEdge, GraphPath, OwnershipReport, Proof, Subgraph } from "./types.ts";

export function describeEdge(edge: GraphEdge, network: Network): string {
  const name = (id: string): string => network.node(id)?.caption ?? id;
  const details = [
    edge.percentage !== undefined ? `${edge.percentage}%` : undefined,
    edge.role,
    edge.start || edge.end ? `${edge.start ?? "…"} – ${edge.end ?? "…"}` : undefined,
    edge.count !== undefined
      ? `${edge.count} transfers, ${edge.amount?.toFixed(2)} ${edge.currency ?? ""}`.trim()
      : undefined,
    edge.dataset,
  ].filter(Boolean);
  return `${name(edge.source)} —${edge.label}→ ${name(edge.target)} (${details.join("; ")})`;
}

export function formatSubgraph(sub: Subgraph, network: Network): string {
  const lines = sub.nodes.map(
    (n) =>
      `${n.sanctioned ? "!" : " "} ${n.id}  ${n.caption} [${n.schema}]${n.datasets.length ? ` (${n.datasets.join(", ")})` : ""}`,
  );
  lines.push("", ...sub.edges.map((e) => `  ${describeEdge(e, network)}`));
  lines.push(`${sub.nodes.length} entities, ${sub.edges.length} edges ("!" = sanctioned)`);
  return lines.join("\n");
}

export function formatPath(path: GraphPath, network: Network): string {
  const steps = path.edges.map((e) => `    ${describeEdge(e, network)}`);
  const end = network.node(path.nodes.at(-1)!);
  return [
    `  ${path.edges.length} hop(s) to ${end?.caption ?? path.nodes.at(-1)} (${path.nodes.at(-1)})`,
    ...steps,
  ].join("\n");
}

export function formatOwnership(report: OwnershipReport): string {
  const lines = [`${report.caption} (${report.entity})`];
  lines.push("direct owners:");
  if (report.owners.length === 0) lines.push("  none known");
  for (const h of report.owners)
    lines.push(
      `  ${h.percentage === null ? "  ?%" : `${h.percentage}%`.padStart(4)}  ${h.caption} (${h.owner})${h.sanctioned ? " — sanctioned" : ""}${h.control ? " — control" : ""}`,
    );
  lines.push(
    `OFAC 50% rule: ${report.ofac.status}; blocked owners hold ${report.ofac.aggregate}% in aggregate`,
  );
  if (report.ofac.proof) lines.push(...proofLines(report.ofac.proof, "  "));
  for (const m of report.ofac.missing) lines.push(`  share not given: ${m.owner} in ${m.asset}`);
  lines.push(
    report.euUk.ownedOrControlled
      ? `EU/UK: owned or controlled by ${report.euUk.by!.caption} (${report.euUk.by!.party}): ${report.euUk.by!.share}%${report.euUk.by!.control ? ", by control" : ""}`
      : "EU/UK: not owned (over 50%) or controlled by one designated person, as far as known",
  );
  if (report.effective.length) {
    lines.push("effective indirect shares of sanctioned parties:");
    for (const e of report.effective) lines.push(`  ${e.percentage}%  ${e.caption} (${e.party})`);
  }
  for (const cycle of report.cycles)
    lines.push(`ownership cycle: ${cycle.join(" → ")} → ${cycle[0]}`);
  return lines.join("\n");
}

function proofLines(proof: Proof, indent: string): string[] {
  const share = proof.percentage !== undefined ? `${proof.percentage}% ` : "";
  const why =
    proof.status === "listed" ? "listed" : `blocked: ${proof.aggregate}% held by blocked owners`;
  return [
    `${indent}${share}${proof.caption} (${proof.entity}) — ${why}`,
    ...proof.owners.flatMap((o) => proofLines(o, `${indent}  `)),
  ];
}
