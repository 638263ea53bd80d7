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
  /**
   * Each record's word, kept once the node is more than one record's (records of several
   * datasets, or a Sanction naming it): a caller is answered from the datasets it may read
   * (node-view.ts). Absent, the node's own fields are its one record's. Never sent as such.
   */
  sources?: NodeSource[];
  /** Datasets of the Sanction entities that name the node. */
  sanctionedBy?: string[];
}

/** What one dataset's record says of a node. */
export interface NodeSource {
  dataset: string;
  schema: string;
  caption: string;
  /** Its topics say so (Sanctions naming the node are the node's `sanctionedBy`). */
  sanctioned: boolean;
  properties?: Record<string, string[]>;
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
  /**
   * The collections (list, ledger and document datasets) the caller may read: edges from others
   * are not walked, nodes only from others not entered. All when absent.
   */
  readable?: (dataset: string) => boolean;
}

export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface GraphPath {
  nodes: string[];
  edges: GraphEdge[];
}

/* What `graph ownership` answers (ownership.ts works it out). */

export type OfacStatus = "listed" | "blocked" | "undetermined" | "not blocked";

export interface Holding {
  owner: string;
  caption: string;
  /** Percent, or null when the source gives none. */
  percentage: number | null;
  sanctioned: boolean;
  /** Kind of edge: Ownership, owner (a vessel's), parent. */
  kind: string;
  control: boolean;
  start?: string;
  end?: string;
  dataset: string;
}

/** Why an entity is blocked: listed itself, or the blocked owners whose shares add up. */
export interface Proof {
  entity: string;
  caption: string;
  status: "listed" | "blocked";
  /** Share held in the entity this proof hangs under. */
  percentage?: number;
  /** Blocked owners' aggregate share (blocked entities only). */
  aggregate?: number;
  owners: Proof[];
}

export interface OwnershipReport {
  entity: string;
  caption: string;
  owners: Holding[];
  ofac: {
    status: OfacStatus;
    /** Share held by listed or blocked owners, counting known percentages only. */
    aggregate: number;
    proof?: Proof;
    /** Holdings of listed or possibly blocked owners whose share is not given. */
    missing: Array<{ owner: string; asset: string }>;
  };
  euUk: {
    ownedOrControlled: boolean;
    /** The designated person, the share they hold (directly and through what they control), and whether by control. */
    by?: { party: string; caption: string; share: number; control: boolean };
  };
  /** Indirect shares of sanctioned parties: products along chains, summed over chains. */
  effective: Array<{ party: string; caption: string; percentage: number }>;
  /** Ownership cycles upstream, each as the entities around it. */
  cycles: string[][];
}
