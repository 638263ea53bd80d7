/**
 * The network written out: FtM JSON lines (nodes as entities, edges as relationship entities,
 * so Aleph or OpenSanctions tooling can read it back), GEXF for Gephi (graphology-gexf), and
 * GraphML for yEd, Cytoscape and NetworkX. GraphML is written here: graphology-graphml only
 * parses, and a writer that streams keeps memory flat on large graphs.
 */
import type { Writable } from "node:stream";
import { write as writeGexf } from "graphology-gexf";
import { findSchema } from "../model/ftm.ts";
import type { Network } from "./network.ts";
import type { GraphEdge, GraphNode } from "./types.ts";

export const EXPORT_FORMATS = ["ftm", "gexf", "graphml"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export async function exportNetwork(
  network: Network,
  format: ExportFormat,
  out: Writable,
): Promise<void> {
  if (format === "ftm") {
    for (const node of network.nodes()) await write(out, `${JSON.stringify(nodeEntity(node))}\n`);
    for (const edge of network.edges()) {
      const entity = edgeEntity(edge);
      if (entity) await write(out, `${JSON.stringify(entity)}\n`);
    }
    return;
  }
  if (format === "gexf") {
    const xml = writeGexf(network.graph, {
      formatNode: (key, node) => ({ label: node.caption, attributes: nodeAttributes(node) }),
      formatEdge: (key, edge) => ({ label: edge.label, attributes: edgeAttributes(edge) }),
    });
    await write(out, xml);
    return;
  }
  await writeGraphml(network, out);
}

function nodeEntity(node: GraphNode): Record<string, unknown> {
  return {
    id: node.id,
    schema: node.schema,
    properties: node.properties ?? { name: [node.caption] },
    datasets: node.datasets,
    ...(node.referents ? { referents: node.referents } : {}),
    ...(node.sanctioned ? { target: true } : {}),
  };
}

/** Relationship entities as they are; payments and document relations as FtM would say them. */
function edgeEntity(edge: GraphEdge): Record<string, unknown> | undefined {
  const schemaName = edge.kind.startsWith("document:")
    ? "UnknownLink"
    : edge.kind === "payment"
      ? "Payment"
      : edge.kind;
  // Property links (a vessel's owner) are already in the node's properties.
  const schema = findSchema(schemaName);
  if (!schema?.isEdge || !schema.edge) return undefined;
  const properties: Record<string, string[]> = { ...edge.properties };
  properties[schema.edge.source] = [edge.source];
  properties[schema.edge.target] = [edge.target];
  if (edge.kind === "payment") {
    properties.amount = [String(edge.amount ?? 0)];
    if (edge.currency) properties.currency = [edge.currency];
    if (edge.start) properties.startDate = [edge.start];
    if (edge.end) properties.endDate = [edge.end];
    properties.summary = [`${edge.count ?? 1} transfers`];
  } else if (edge.kind.startsWith("document:")) {
    properties.role = [edge.label];
  }
  return { id: edge.id, schema: schema.name, properties, datasets: [edge.dataset] };
}

function nodeAttributes(node: GraphNode): Record<string, string | boolean> {
  return { schema: node.schema, datasets: node.datasets.join(";"), sanctioned: node.sanctioned };
}

function edgeAttributes(edge: GraphEdge): Record<string, string | number> {
  const out: Record<string, string | number> = { kind: edge.kind, dataset: edge.dataset };
  for (const key of ["start", "end", "role", "currency", "sourceId"] as const)
    if (edge[key]) out[key] = edge[key]!;
  for (const key of ["percentage", "amount", "count", "weight"] as const)
    if (edge[key] !== undefined) out[key] = edge[key]!;
  return out;
}

const GRAPHML_KEYS: Array<[string, "node" | "edge", "string" | "double" | "boolean"]> = [
  ["label", "node", "string"],
  ["schema", "node", "string"],
  ["datasets", "node", "string"],
  ["sanctioned", "node", "boolean"],
  ["label", "edge", "string"],
  ["kind", "edge", "string"],
  ["dataset", "edge", "string"],
  ["start", "edge", "string"],
  ["end", "edge", "string"],
  ["role", "edge", "string"],
  ["currency", "edge", "string"],
  ["sourceId", "edge", "string"],
  ["percentage", "edge", "double"],
  ["amount", "edge", "double"],
  ["count", "edge", "double"],
  ["weight", "edge", "double"],
];

async function writeGraphml(network: Network, out: Writable): Promise<void> {
  const keys = GRAPHML_KEYS.map(
    ([name, scope, type]) =>
      `  <key id="${scope[0]}_${name}" for="${scope}" attr.name="${name}" attr.type="${type}"/>`,
  );
  await write(
    out,
    `<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n${keys.join("\n")}\n  <graph id="moneytrail" edgedefault="directed">\n`,
  );
  for (const node of network.nodes()) {
    const data = { label: node.caption, ...nodeAttributes(node) };
    await write(out, `    <node id="${xml(node.id)}">${dataElements("n", data)}</node>\n`);
  }
  let n = 0;
  for (const edge of network.edges()) {
    const data = { label: edge.label, ...edgeAttributes(edge) };
    await write(
      out,
      `    <edge id="e${n++}" source="${xml(edge.source)}" target="${xml(edge.target)}">${dataElements("e", data)}</edge>\n`,
    );
  }
  await write(out, "  </graph>\n</graphml>\n");
}

function dataElements(scope: string, data: Record<string, string | number | boolean>): string {
  return Object.entries(data)
    .map(([key, value]) => `<data key="${scope}_${key}">${xml(String(value))}</data>`)
    .join("");
}

function xml(text: string): string {
  return (
    text
      // XML 1.0 has no way to write most control characters: they are dropped.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
  );
}

/** Writes with back-pressure, so a large export does not pile up in memory. */
function write(out: Writable, chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = out.write(chunk, (error) => (error ? reject(error) : undefined));
    if (ok) resolve();
    else out.once("drain", resolve);
  });
}
