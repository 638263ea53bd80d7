import { useState } from "react";
import { api, type DocumentHit, type SearchResult } from "../api.ts";
import { href } from "../router.ts";
import { Snippet } from "../Snippet.tsx";
import { useLoad } from "../useLoad.ts";

interface Answer {
  entities: SearchResult[];
  documents: DocumentHit[];
}

/** The FtM properties that hold a country, whatever the schema calls it. */
const COUNTRY_PROPERTIES = ["country", "nationality", "citizenship", "jurisdiction", "flag"];

const FACETS = [
  { key: "schema", title: "Schema", values: (e: SearchResult) => [e.schema] },
  { key: "dataset", title: "List", values: (e: SearchResult) => e.datasets },
  {
    key: "country",
    title: "Country",
    values: (e: SearchResult) => [
      ...new Set(COUNTRY_PROPERTIES.flatMap((p) => e.properties[p] ?? [])),
    ],
  },
  { key: "topic", title: "Topic", values: (e: SearchResult) => e.properties.topics ?? [] },
] as const;

/** The value chosen per facet key; absent keys are not narrowed. */
type Facets = Partial<Record<(typeof FACETS)[number]["key"], string>>;

/** Entities and documents for one query, with facets to narrow the entities by schema, list, country and topic. */
export function SearchPage({ q }: { q: string }) {
  const [text, setText] = useState(q);
  const [facet, setFacet] = useState<Facets>({});
  const answer = useLoad<Answer | undefined>(
    async () =>
      q
        ? {
            entities: await api.searchEntities(q),
            documents: await api.searchDocuments(q).catch(() => []),
          }
        : undefined,
    q,
  );
  const submit = (event: React.FormEvent): void => {
    event.preventDefault();
    setFacet({});
    window.location.hash = href({ page: "search", q: text.trim() });
  };
  return (
    <section>
      <form className="search" onSubmit={submit} role="search">
        <input
          aria-label="Search entities and documents"
          autoFocus
          placeholder="A name in any script: Chongryon, 조선, Office 39…"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="submit">Search</button>
      </form>
      {answer.state === "loading" && q && <p className="muted">Searching…</p>}
      {answer.state === "error" && <p className="error">{answer.message}</p>}
      {answer.state === "ok" && answer.value && (
        <Results answer={answer.value} facet={facet} setFacet={setFacet} />
      )}
    </section>
  );
}

function Results({
  answer,
  facet,
  setFacet,
}: {
  answer: Answer;
  facet: Facets;
  setFacet: (f: Facets) => void;
}) {
  const shown = answer.entities.filter((e) =>
    FACETS.every(({ key, values }) => !facet[key] || values(e).includes(facet[key])),
  );
  const count = (values: string[]): Array<[string, number]> => {
    const counts = new Map<string, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1]);
  };
  return (
    <div className="columns">
      <aside className="facets" aria-label="Facets">
        {FACETS.map(({ key, title, values }) => {
          const counts = count(answer.entities.flatMap(values));
          return (
            counts.length > 0 && (
              <FacetGroup
                key={key}
                title={title}
                counts={counts}
                chosen={facet[key]}
                choose={(value) => setFacet({ ...facet, [key]: value })}
              />
            )
          );
        })}
      </aside>
      <div>
        <h2>Entities ({shown.length})</h2>
        <ol className="results">
          {shown.map((e) => (
            <li key={e.id}>
              <a href={href({ page: "entity", id: e.id })}>{e.caption}</a>{" "}
              <span className="tag">{e.schema}</span>{" "}
              <span className="muted">
                {e.datasets.join(", ")} · {e.score.toFixed(2)}
              </span>
            </li>
          ))}
        </ol>
        {answer.entities.length === 0 && <p className="muted">No listed entity matches.</p>}
        <h2>Documents ({answer.documents.length})</h2>
        <ol className="results">
          {answer.documents.map((hit) => (
            <li key={hit.document.id}>
              <strong>{hit.document.title ?? hit.document.name}</strong>{" "}
              <span className="tag">{hit.document.schema}</span>
              <div>
                <Snippet text={hit.snippet} />
              </div>
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}

/** Facet values with their counts; choosing the chosen one again clears it. */
function FacetGroup({
  title,
  counts,
  chosen,
  choose,
}: {
  title: string;
  counts: Array<[string, number]>;
  chosen: string | undefined;
  choose: (value: string | undefined) => void;
}) {
  return (
    <>
      <h3>{title}</h3>
      {counts.map(([value, n]) => (
        <button
          key={value}
          className={chosen === value ? "facet on" : "facet"}
          aria-pressed={chosen === value}
          onClick={() => choose(chosen === value ? undefined : value)}
        >
          {value} ({n})
        </button>
      ))}
    </>
  );
}
