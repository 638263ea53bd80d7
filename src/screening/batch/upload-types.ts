/**
 * What a batch screen from the web app gives per customer row: plain data, shared with the web
 * client (web/src/api.ts imports these types).
 */
export interface UploadHit {
  rank: number;
  score: number;
  match: boolean;
  entityId: string;
  caption: string;
  schema: string;
  datasets: string[];
  sourceIds: string[];
  /** The listed entity's content hash: a later screen tells changed listings by it. */
  entityHash: string;
  /** A reviewer's decision on this customer and entity, if one applies. */
  decision: {
    decision: "cleared" | "confirmed";
    reviewer: string;
    comment: string | null;
    decidedAt: string;
  } | null;
}

export interface UploadInput {
  id: string;
  name?: string;
  schema?: string;
  birth_date?: string;
  country?: string;
  identifier?: string;
  /** Where in the file the row was. */
  line: number;
}

export interface UploadRow {
  input: UploadInput;
  hits: UploadHit[];
  /** Why the row could not be screened (then without hits); absent when it was. */
  error?: string;
}
