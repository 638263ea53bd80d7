/** Documents as parsers produce them and the store keeps them. */

export const DOCUMENT_FORMATS = [
  "text",
  "html",
  "pdf",
  "email",
  "mbox",
  "docx",
  "xlsx",
  "csv",
  "json",
  "zip",
  "image",
] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** A file inside another one: an e-mail attachment, an archive member, a message of an mbox. */
export interface ChildFile {
  name: string;
  bytes: Uint8Array;
}

/** An archive member not opened, with the reason (unsafe path, too large). */
export interface RefusedMember {
  name: string;
  reason: string;
  /** An unsafe path (absolute or leaving the archive): a sign of a hostile archive. */
  hostile?: boolean;
}

/** What a parser reads out of one file. */
export interface ParsedFile {
  /** FtM schema: Document, Email, Pages (PDF), Table (sheets, CSV), Folder (archives), Image. */
  schema: "Document" | "Email" | "Pages" | "Table" | "Folder" | "Image";
  text: string;
  title?: string | undefined;
  author?: string | undefined;
  /** ISO date (or date-time) the file says it was written or sent. */
  date?: string | undefined;
  sender?: string | undefined;
  recipients?: string[] | undefined;
  /** PDF: text per page, so a hit can name its page. */
  pages?: string[] | undefined;
  children?: ChildFile[] | undefined;
  refused?: RefusedMember[] | undefined;
  /** Scanned pages and images whose text was not read (OCR off, over the limit, or failed). */
  unreadImages?: number | undefined;
  /** Pages and images read by OCR. */
  ocrPages?: number | undefined;
}

/** Bounds on what one ingest may read and expand: hostile files are refused, not obeyed. */
export interface DocumentLimits {
  /** Largest single file (or archive member) read. */
  maxFileBytes: number;
  /** Most text kept from one file; the rest is cut with a note. */
  maxTextChars: number;
  /** Archives and e-mails within archives and e-mails, this deep at most. */
  maxDepth: number;
  /** Members read from one archive. */
  maxArchiveEntries: number;
  /** Bytes expanded from one archive, all members together. */
  maxExpandedBytes: number;
  /** Scanned pages read by OCR in one PDF (seconds each). */
  maxOcrPages: number;
}

export const DEFAULT_LIMITS: DocumentLimits = {
  maxFileBytes: 256 * 2 ** 20,
  maxTextChars: 20_000_000,
  maxDepth: 5,
  maxArchiveEntries: 10_000,
  maxExpandedBytes: 1024 * 2 ** 20,
  maxOcrPages: 500,
};

/** A file the parser refuses or cannot read; ingest records the reason and goes on. */
export class DocumentParseError extends Error {
  /**
   * Set for files built to hurt the reader (zip bombs, endless archives), as against files that
   * are merely broken or unsupported: an upload over the API holding one is refused whole.
   */
  readonly hostile: boolean;

  constructor(message: string, options: { hostile?: boolean } = {}) {
    super(message);
    this.hostile = options.hostile ?? false;
  }
}

export const MENTION_TYPES = [
  "Person",
  "Organization",
  "Location",
  "BankAccount",
  "Vessel",
  "CryptoWallet",
  "Phone",
  "Email",
  "Money",
  "Date",
  "Identifier",
] as const;
export type MentionType = (typeof MENTION_TYPES)[number];

/** One thing named in a document's text. */
export interface Mention {
  type: MentionType;
  text: string;
  /** UTF-16 offsets into the document text, end exclusive. */
  start: number;
  end: number;
  confidence: number;
  /** Canonical form: an IBAN without spaces, an amount as "1000000000 USD", a date as ISO. */
  value?: string | undefined;
  /** The listed entity the mention refers to, and the screening score that says so. */
  entityId?: string | undefined;
  entityCaption?: string | undefined;
  score?: number | undefined;
  /**
   * The listed entities the name could be, when more than one came close (homonyms: two listed
   * `Kim Yong Chol`s) or the text near it speaks against the one it names; best first, each with
   * what the text says for or against it. With `entityId` set, the evidence chose that one
   * (`linkNote` says why); without, the link is ambiguous (`linkNote` says so) or contradicted.
   */
  candidates?: LinkCandidate[] | undefined;
  /** How the candidates were settled, in words: "born 1962 (the record: 1962)". */
  linkNote?: string | undefined;
  /** `linked` (one clear entity), `ambiguous` (several, none stands out), `contradicted`. */
  linkStatus?: LinkStatus | undefined;
}

export const LINK_STATUSES = ["linked", "ambiguous", "contradicted"] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

export const LINK_EVIDENCE_KINDS = ["birth_year", "title", "organisation", "place"] as const;
export type LinkEvidenceKind = (typeof LINK_EVIDENCE_KINDS)[number];

/** One thing the text near a mention says of a candidate. */
export interface LinkEvidence {
  kind: LinkEvidenceKind;
  /** What the text says, as written ("born 1946", "United Front Department"). */
  text: string;
  /** What the candidate's record says that agrees or not ("1946", "KOMID Representative in Iran"). */
  listed: string;
  /** For (> 0) or against (< 0), and how strongly: a birth year weighs more than a title. */
  weight: number;
  /** The listed entity a linked organisation named nearby is (the record names it too). */
  entityId?: string | undefined;
}

/** A listed entity a mention may refer to. */
export interface LinkCandidate {
  entityId: string;
  caption: string;
  /** Screening score of the name against this candidate (compared between candidates only). */
  score: number;
  evidence: LinkEvidence[];
  /**
   * Another candidate this one is the same body or person as, by their records (one name on two
   * lists, a person with the same birth year): no rival to it.
   */
  sameAs?: string | undefined;
}

export const RELATION_KINDS = [
  "co_mention",
  "subsidiary_of",
  "owned_by",
  "reports_to",
  "paid",
] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

/** One side of a relation: the name as written, and the listed entity when it links to one. */
export interface RelationParty {
  text: string;
  type: MentionType;
  entityId?: string | undefined;
}

/**
 * Something a document says about two parties. `source subsidiary_of target`, `source owned_by
 * target`, `source reports_to target`, `source paid target` (the amount in `value`), and
 * `co_mention` (no direction) for names in the same paragraphs.
 */
export interface Relation {
  kind: RelationKind;
  source: RelationParty;
  target: RelationParty;
  /** co_mention: summed over paragraphs, each paragraph sharing 1 among its other names; 1 else. */
  weight: number;
  value?: string | undefined;
  /** The passage that says it (the first paragraph, for co-mentions). */
  start: number;
  end: number;
}
