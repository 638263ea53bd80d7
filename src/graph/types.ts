/** The network as moneytrail queries it: entities as nodes, typed, dated, sourced edges. */

export interface GraphNode {
  id: string;
  schema: string;
  caption: string;
  datasets: string[];
  /** Listed under a sanctions programme (a Sanction names it, or its topics say so). */
  sanctioned: boolean;
  /** The merged entity's properties, when the graph was built with them (exports need them). */
  properties?: Record<string, string[]>;
  /** Source entity ids merged into this node. */
  referents?: string[];
}

export interface GraphEdge {
  /** The relationship entity's id, or one made from the parts for property links. */
  id: string;
  source: string;
  target: string;
  /** FtM relationship schema (Ownership, Directorship, …), entity property (owner, holder, …), `payment` or `document:<relation>`. */
  kind: string;
  /** What the edge says, read source to target: "owns", "directs", "paid". */
  label: string;
  start?: string;
  end?: string;
  /** Ownership share in percent, when the source gives one. */
  percentage?: number;
  role?: string;
  /** Payments: number of transfers and their total; documents: co-mention weight. */
  count?: number;
  amount?: number;
  currency?: string;
  weight?: number;
  dataset: string;
  /** The publisher's record, the document or the ledger the edge comes from. */
  sourceId?: string;
  /** The relationship entity's own properties, kept for FtM export. */
  properties?: Record<string, string[]>;
}

/** Which edges a query may walk. */
export interface EdgeFilter {
  /** Edge kinds to walk (all when absent). */
  kinds?: string[];
  /** Node schemata to enter (all when absent); the start node is always kept. */
  schemata?: string[];
  /** Only edges in force on this ISO date (undated edges always are). */
  asOf?: string;
}

export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface GraphPath {
  nodes: string[];
  edges: GraphEdge[];
}
