/** Messages between the upload path and its reader threads (pool.ts, worker.ts). */
import type { Entity } from "../../model/entity.ts";
import type { LinkResult } from "../extract/extract.ts";
import type { ExpansionBudget } from "../parsers/zip.ts";
import type { ReadRequest, ReadResult } from "../read.ts";
import type { Mention } from "../types.ts";

/** To a reader thread. */
export type ToReader =
  | {
      type: "read";
      job: number;
      request: ReadRequest;
      /** The index build whose gazetteer to use; none when no list is loaded. */
      generation: number | undefined;
      /** Sent with the first job of a new build to each thread: the gazetteer's entities. */
      entities?: Entity[];
      /** Whether names the gazetteer does not know are sent back to be linked by screening. */
      link: boolean;
    }
  | { type: "linked"; seq: number; links: Array<LinkResult | undefined>; error?: string };

/** From a reader thread. */
export type FromReader =
  | {
      type: "link";
      job: number;
      seq: number;
      names: Array<{ text: string; type: Mention["type"] }>;
    }
  | { type: "done"; job: number; result: ReadResult; budget: ExpansionBudget }
  | { type: "error"; job: number; message: string };
