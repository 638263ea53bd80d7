/**
 * The API client: the same routes everyone else uses, with the server's own types where they
 * are plain data (graph answers), and small local ones for the rest.
 */
import type { GraphPath, OwnershipReport, Subgraph } from "../../src/graph/types.ts";
import type { UploadHit, UploadRow } from "../../src/screening/batch/upload-types.ts";

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

export interface TimelineEvent {
  kind: "listed" | "changed" | "delisted" | "relisted";
  dataset: string;
  sourceId: string;
  version: string;
  date: string;
}

export interface AccountTransfer {
  id: string;
  source: string;
  target: string;
  source_name?: string;
  target_name?: string;
  amount: number;
  currency: string;
  date: string;
  direction: "in" | "out" | "internal";
}

export interface EntityTransactions {
  accounts: Array<{ id: string; name?: string; score: number }>;
  total: number;
  transfers: AccountTransfer[];
}

export interface TraceAnswer {
  origin: string | string[];
  direction: "forward" | "backward";
  method: "proportional" | "fifo";
  currency: string;
  hops: number;
  flows: Array<{ account: string; amount: number; hops: number }>;
  edges: Array<{ source: string; target: string; amount: number; transactions: string[] }>;
  unknown_amount: number;
  truncated: boolean;
  accounts: Record<
    string,
    {
      name: string | null;
      entity_id: string | null;
      entity_caption: string | null;
      link_score: number | null;
    }
  >;
}

export interface ExposureRow {
  account: string;
  hops: number;
  amount: number;
  share: number;
  [key: string]: unknown;
}

export interface Explanation {
  score: number;
  description: string;
}

export interface MatchHit {
  id: string;
  caption: string;
  schema: string;
  datasets: string[];
  score: number;
  match: boolean;
  properties: Record<string, string[]>;
  explanations: Record<string, Explanation>;
}

export interface Job {
  id: string;
  kind: string;
  subject: string;
  status: "queued" | "running" | "done" | "failed";
  progress: { done: number; total: number | null; unit: string };
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
}

/** Whether a job has ended, one way or the other. */
export function isFinished(job: Job): boolean {
  return job.status === "done" || job.status === "failed";
}

export interface ScreenJob extends Job {
  previous: string | null;
  /** `errors`: rows that could not be screened (each has its reason); absent in older jobs. */
  counts: { rows: number; candidates: number; matches: number; errors?: number };
}

export type ScreenHit = UploadHit & { change: "new" | "changed" | null };

export interface ScreenRow {
  input: UploadRow["input"];
  hits: ScreenHit[];
  /** Why the row could not be screened (an over-long name, an unknown schema). */
  error?: string;
}

export interface Mention {
  type: string;
  text: string;
  start: number;
  end: number;
  confidence: number;
  entityId?: string;
  entityCaption?: string;
  score?: number;
  /** Homonyms (or a link the text contradicts): the listed entities the name may be. */
  candidates?: LinkCandidate[];
  linkStatus?: "linked" | "ambiguous" | "contradicted";
  linkNote?: string;
}

export interface LinkCandidate {
  entityId: string;
  caption: string;
  score: number;
  evidence: Array<{ kind: string; text: string; listed: string; weight: number }>;
  /** Another candidate this one is the same body as (one name on two lists). */
  sameAs?: string;
}

export interface DocumentDetail {
  id: string;
  name: string;
  title?: string;
  schema: string;
  format: string;
  size: number;
  text: string;
  collection: string;
  date?: string;
  author?: string;
  recipients: string[];
  ingestedAt: string;
}

export interface IngestReport {
  documents: number;
  mentions: number;
  ids: string[];
}

export interface AlertView {
  id: string;
  typology: string;
  score: number;
  accounts: string[];
  transactions: string[];
  reason: string;
  status: "open" | "assigned" | "closed";
  review: {
    status: "open" | "assigned" | "closed";
    assignee: string | null;
    note: string | null;
    user: string;
    updatedAt: string;
  } | null;
}

export interface AlertDetail extends AlertView {
  names: Record<string, string | null>;
  transfers: AccountTransfer[];
}

export interface ListVersion {
  id: number;
  dataset: string;
  label: string;
  format: string;
  status: string;
  active: boolean;
  entries: number;
  importedAt: string;
}

export interface ListsOverview {
  datasets: Array<{ dataset: string; active: ListVersion | null; versions: ListVersion[] }>;
  updatable: string[];
  updates: Array<
    Job & {
      result?: { results: Array<{ dataset: string; status: string; detail: string }> } | null;
    }
  >;
}

export interface DiffEntry {
  sourceId: string;
  entityId: string;
  caption: string;
  schema: string;
}

export interface ListDiffAnswer {
  dataset: string;
  from: string;
  to: string;
  counts: { added: number; removed: number; changed: number; unchanged: number };
  added: DiffEntry[];
  removed: DiffEntry[];
  changed: Array<DiffEntry & { fields: Array<{ field: string; before?: string; after?: string }> }>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, {
    ...init,
    headers: { accept: "application/json", ...init.headers },
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { detail?: string; message?: string };
    throw new ApiError(response.status, body.detail ?? body.message ?? response.statusText);
  }
  return (await response.json()) as T;
}

const get = <T>(path: string): Promise<T> => request<T>(path);

const post = <T>(path: string, body: unknown): Promise<T> =>
  request<T>(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

/** A file as the raw request body (the upload routes take no multipart). */
const upload = <T>(path: string, file: File): Promise<T> =>
  request<T>(path, {
    method: "POST",
    headers: { "content-type": "application/octet-stream" },
    body: file,
  });

const query = (params: Record<string, string | number | undefined>): string => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== "") search.set(key, String(value));
  return search.toString();
};

export interface Me {
  user: string;
  role: string;
  agency: string | null;
  via: string;
  auth: "open" | "required";
}

export const api = {
  me: () => get<Me>("/auth/me"),
  login: (username: string, password: string) => post<Me>("/auth/login", { username, password }),
  logout: () => post<{ ok: boolean }>("/auth/logout", {}),
  searchEntities: (q: string, limit = 25) =>
    get<{ results: SearchResult[] }>(`/search/default?${query({ q, limit })}`).then(
      (r) => r.results,
    ),
  searchDocuments: (q: string, entity?: string) =>
    get<{ hits: DocumentHit[] }>(`/search/documents?${query({ q, entity, limit: 20 })}`).then(
      (r) => r.hits,
    ),
  entity: (id: string) => get<EntityDetail>(`/entities/${encodeURIComponent(id)}`),
  expand: (id: string, hops: number, asOf?: string, kinds?: string[]) =>
    get<Subgraph>(
      `/entities/${encodeURIComponent(id)}/expand?${query({ hops, as_of: asOf, kind: kinds?.join(",") })}`,
    ),
  pathsToSanctioned: (id: string, hops = 4, asOf?: string) =>
    get<{ paths: GraphPath[]; truncated: boolean }>(
      `/entities/${encodeURIComponent(id)}/paths?${query({ hops, as_of: asOf })}`,
    ),
  ownership: (id: string) => get<OwnershipReport>(`/entities/${encodeURIComponent(id)}/ownership`),
  timeline: (id: string) =>
    get<{ events: TimelineEvent[] }>(`/entities/${encodeURIComponent(id)}/timeline`).then(
      (r) => r.events,
    ),
  entityDocuments: (id: string) =>
    get<{
      total: number;
      documents: Array<{
        id: string;
        name: string;
        title?: string;
        date?: string;
        mentions: string[];
      }>;
    }>(`/entities/${encodeURIComponent(id)}/documents`),
  transactions: (id: string) =>
    get<EntityTransactions>(`/entities/${encodeURIComponent(id)}/transactions?limit=50`),
  trace: (body: {
    account: string;
    direction: string;
    method: string;
    hops: number;
    from?: string;
    to?: string;
  }) => post<TraceAnswer>("/trace", body),
  exposure: () => get<{ sanctioned: string[]; accounts: ExposureRow[] }>("/exposure?limit=100000"),
  match: (schema: string, properties: Record<string, string[]>) =>
    post<{ responses: { q: { results: MatchHit[] } } }>("/match/default?threshold=0.5&limit=10", {
      queries: { q: { schema, properties } },
    }).then((r) => r.responses.q.results),
  screenFile: (file: File, threshold: number) =>
    upload<Job>(`/screen?${query({ name: file.name, threshold })}`, file),
  screenJob: (id: string) => get<ScreenJob>(`/screen/jobs/${encodeURIComponent(id)}`),
  screenResults: (id: string, matchesOnly: boolean) =>
    get<{ total: number; rows: ScreenRow[] }>(
      `/screen/jobs/${encodeURIComponent(id)}/results?${query({ limit: 1000, matches_only: String(matchesOnly) })}`,
    ),
  rescreen: (id: string) => post<Job>(`/screen/jobs/${encodeURIComponent(id)}/rescreen`, {}),
  decide: (
    entityId: string,
    recordId: string,
    decision: "confirmed" | "cleared",
    reviewer: string,
  ) =>
    post<unknown>("/decisions", {
      entity_id: entityId,
      query_id: recordId,
      decision,
      reviewer,
    }),
  uploadDocument: (file: File) =>
    upload<IngestReport>(`/documents?${query({ name: file.name })}`, file),
  document: (id: string) => get<DocumentDetail>(`/documents/${encodeURIComponent(id)}`),
  mentions: (id: string) =>
    get<{ mentions: Mention[] }>(`/documents/${encodeURIComponent(id)}/mentions`).then(
      (r) => r.mentions,
    ),
  alerts: (status?: string) =>
    get<{ alerts: AlertView[] }>(`/alerts?${query({ status })}`).then((r) => r.alerts),
  alert: (id: string) => get<AlertDetail>(`/alerts/${encodeURIComponent(id)}`),
  reviewAlert: (
    id: string,
    review: { status: string; assignee?: string | null; note?: string | null; user: string },
  ) => post<unknown>(`/alerts/${encodeURIComponent(id)}/review`, review),
  lists: () => get<ListsOverview>("/lists"),
  listDiff: (dataset: string, from: string, to: string) =>
    get<ListDiffAnswer>(`/lists/${encodeURIComponent(dataset)}/diff?${query({ from, to })}`),
  updateLists: () => post<Job>("/lists/update", {}),
  job: (id: string) => get<Job>(`/jobs/${encodeURIComponent(id)}`),
};
