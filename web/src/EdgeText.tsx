import type { GraphEdge } from "./api.ts";
import { edgeLabel } from "./labels.ts";
import { href } from "./router.ts";

/** One edge as a sentence: source — what it says, share → target, with dates and source list. */
export function EdgeText({
  edge,
  caption,
  links,
}: {
  edge: GraphEdge;
  caption: (id: string) => string;
  links: boolean;
}) {
  const end = (id: string) =>
    links ? <a href={href({ page: "entity", id })}>{caption(id)}</a> : caption(id);
  return (
    <>
      {end(edge.source)} — {edgeLabel(edge)}
      {edge.percentage !== undefined ? ` ${edge.percentage}%` : ""} → {end(edge.target)}{" "}
      <span className="muted">
        {edge.start || edge.end ? `${edge.start ?? "…"} – ${edge.end ?? "…"} · ` : ""}
        {edge.dataset}
      </span>
    </>
  );
}
