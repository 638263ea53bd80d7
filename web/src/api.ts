/**
 * The API client: the same routes everyone else uses, with the server's own types where they
 * are plain data (graph answers), and small local ones for the rest.
 */
import type { GraphPath, OwnershipReport, Subgraph } from "../../src/graph/types.ts";

export type {
  GraphEdge,
  GraphNode,
  GraphPath,
  OwnershipReport,
  Subgraph,
} from "../../src/graph/types.ts";

export interface SearchResult {
  id: string;
  caption: string;
  schema: string;
  datasets: string[];
  score: number;
  properties: Record<string, string[]>;
}

export interface EntityDetail {
  id: string;
  schema: string;
  caption: string;
  properties: Record<string, string[]>;
  datasets: string[];
  referents: string[];
  target: boolean;
  provenance: Array<{ dataset: string; version: string; sourceId: string }>;
}

export interface DocumentHit {
  document: { id: string; name: string; title?: string; schema: string; date?: string };
  snippet: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function get<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: "application/json" } });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { detail?: string; message?: string };
    throw new ApiError(response.status, body.detail ?? body.message ?? response.statusText);
  }
  return (await response.json()) as T;
}

const query = (params: Record<string, string | number | undefined>): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== "") search.set(key, String(value));
  return search.toString();
};

export const api = {
  searchEntities: (q: string, limit = 25) =>
    get<{ results: SearchResult[] }>(`/search/default?${query({ q, limit })}`).then(
      (r) => r.results,
    ),
  searchDocuments: (q: string, entity?: string) =>
    get<{ hits: DocumentHit[] }>(`/search/documents?${query({ q, entity, limit: 20 })}`).then(
      (r) => r.hits,
    ),
  entity: (id: string) => get<EntityDetail>(`/entities/${encodeURIComponent(id)}`),
  expand: (id: string, hops: number, asOf?: string) =>
    get<Subgraph>(`/entities/${encodeURIComponent(id)}/expand?${query({ hops, as_of: asOf })}`),
  pathsToSanctioned: (id: string, hops = 4, asOf?: string) =>
    get<{ paths: GraphPath[]; truncated: boolean }>(
      `/entities/${encodeURIComponent(id)}/paths?${query({ hops, as_of: asOf })}`,
    ),
  ownership: (id: string) => get<OwnershipReport>(`/entities/${encodeURIComponent(id)}/ownership`),
};
