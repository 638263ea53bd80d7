import { useState } from "react";
import { api, type DocumentDetail, type Mention } from "../api.ts";
import { href } from "../router.ts";
import { useLoad } from "../useLoad.ts";
import { candidatesBadge, LinkCandidates } from "./LinkCandidates.tsx";

/**
 * A document's text with every mention highlighted by type; linked ones lead to their entity,
 * ambiguous ones (homonyms) carry a badge that opens their candidates and the evidence for each.
 */
export function DocumentPage({ id }: { id: string }) {
  const loaded = useLoad(
    async () => ({ document: await api.document(id), mentions: await api.mentions(id) }),
    id,
  );
  const [opened, setOpened] = useState<Mention | undefined>(undefined);
  if (loaded.state === "loading") return <p className="muted">Loading…</p>;
  if (loaded.state === "error") return <p className="error">{loaded.message}</p>;
  const { document, mentions } = loaded.value;
  const linked = mentions.filter((m) => m.entityId);
  const unsettled = mentions.filter((m) => m.candidates && m.linkStatus !== "linked");
  return (
    <article className="document">
      <h1>
        {document.title || document.name} <span className="tag">{document.schema}</span>
      </h1>
      <p className="muted">
        {document.name} · {document.format} · {document.size.toLocaleString()} bytes
        {document.date && ` · ${document.date}`}
        {document.author && ` · from ${document.author}`}
        {document.recipients.length > 0 && ` · to ${document.recipients.join(", ")}`}
      </p>
      <div className="columns">
        <aside>
          <h2>Linked ({linked.length})</h2>
          <ul className="linked">
            {[...new Map(linked.map((m) => [m.entityId, m])).values()].map((m) => (
              <li key={m.entityId}>
                <a href={href({ page: "entity", id: m.entityId! })}>{m.entityCaption}</a>
              </li>
            ))}
          </ul>
          {unsettled.length > 0 && (
            <>
              <h2>Ambiguous ({unsettled.length})</h2>
              <ul className="linked">
                {unsettled.map((m) => (
                  <li key={m.start}>
                    {m.text}
                    <CandidatesBadge mention={m} onOpen={setOpened} />
                  </li>
                ))}
              </ul>
            </>
          )}
          <h2>Mentions ({mentions.length})</h2>
          <ul className="legend">
            {[...new Set(mentions.map((m) => m.type))].sort().map((type) => (
              <li key={type}>
                <mark className={`mention ${type}`}>{type}</mark>
              </li>
            ))}
          </ul>
        </aside>
        <div>
          {opened && <LinkCandidates mention={opened} onClose={() => setOpened(undefined)} />}
          <HighlightedText document={document} mentions={mentions} onOpen={setOpened} />
        </div>
      </div>
    </article>
  );
}

function CandidatesBadge({ mention, onOpen }: { mention: Mention; onOpen: (m: Mention) => void }) {
  const badge = candidatesBadge(mention);
  if (!badge) return null;
  return (
    <button
      type="button"
      className={`tag link-${mention.linkStatus ?? "linked"}`}
      title={mention.linkNote}
      onClick={() => onOpen(mention)}
    >
      {badge}
    </button>
  );
}

function HighlightedText({
  document,
  mentions,
  onOpen,
}: {
  document: DocumentDetail;
  mentions: Mention[];
  onOpen: (m: Mention) => void;
}) {
  const text = document.text;
  const parts: React.ReactNode[] = [];
  let at = 0;
  // Mentions may overlap (a person inside an organisation's name): the first one wins.
  for (const m of [...mentions].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (m.start < at) continue;
    parts.push(text.slice(at, m.start));
    const label = `${m.type}${m.entityCaption ? `: ${m.entityCaption}` : ""}`;
    parts.push(
      m.entityId ? (
        <a
          key={m.start}
          className={`mention ${m.type} linked`}
          title={label}
          href={href({ page: "entity", id: m.entityId })}
        >
          {text.slice(m.start, m.end)}
        </a>
      ) : (
        <mark
          key={m.start}
          className={`mention ${m.type}${m.linkStatus === "ambiguous" ? " ambiguous" : ""}`}
          title={m.linkNote ?? label}
        >
          {text.slice(m.start, m.end)}
        </mark>
      ),
    );
    if (m.candidates)
      parts.push(<CandidatesBadge key={`c${m.start}`} mention={m} onOpen={onOpen} />);
    at = m.end;
  }
  parts.push(text.slice(at));
  return <pre className="document-text">{parts}</pre>;
}
