import type { Mention } from "../api.ts";
import { href } from "../router.ts";

/** The badge a mention with candidates carries: "ambiguous: 2 candidates", "chosen of 3". */
export function candidatesBadge(m: Mention): string | undefined {
  // Records of one body on several lists count once.
  const n = m.candidates?.filter((c) => !c.sameAs).length ?? 0;
  if (n === 0) return undefined;
  if (m.linkStatus === "ambiguous") return `ambiguous: ${n} candidates`;
  if (m.linkStatus === "contradicted") return n === 1 ? "text disagrees" : `none of ${n} fits`;
  return n > 1 ? `chosen of ${n}` : undefined;
}

const KIND_LABELS: Record<string, string> = {
  birth_year: "birth year",
  title: "title",
  organisation: "organisation",
  place: "place",
};

/** A mention's candidates, each with what the text near the name says for or against it. */
export function LinkCandidates({ mention, onClose }: { mention: Mention; onClose: () => void }) {
  return (
    <section className="candidates" aria-label={`candidates for ${mention.text}`}>
      <header>
        <strong>{mention.text}</strong>
        <span className={`tag link-${mention.linkStatus ?? "linked"}`}>
          {candidatesBadge(mention)}
        </span>
        <button type="button" className="close" onClick={onClose} aria-label="close">
          ×
        </button>
      </header>
      {mention.linkNote && <p className="muted">{mention.linkNote}</p>}
      <ol>
        {(mention.candidates ?? []).map((c) => (
          <li key={c.entityId} className={c.entityId === mention.entityId ? "chosen" : undefined}>
            <a href={href({ page: "entity", id: c.entityId })}>{c.caption}</a>{" "}
            <span className="muted">
              {c.entityId} · score {c.score.toFixed(2)}
              {c.sameAs && ` · the same as ${c.sameAs}`}
            </span>
            {c.evidence.length === 0 ? (
              <p className="muted">Nothing near the name speaks for or against it.</p>
            ) : (
              <ul className="evidence">
                {c.evidence.map((e, i) => (
                  <li key={i} className={e.weight > 0 ? "for" : "against"}>
                    {e.weight > 0 ? "+" : "−"} {KIND_LABELS[e.kind] ?? e.kind}: “{e.text}” · record:{" "}
                    {e.listed}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
