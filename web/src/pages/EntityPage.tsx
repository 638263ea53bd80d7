import {
  api,
  type EntityDetail,
  type EntityTransactions,
  type OwnershipReport,
  type Subgraph,
  type TimelineEvent,
} from "../api.ts";
import { day } from "../format.ts";
import { EdgeText } from "../EdgeText.tsx";
import { href } from "../router.ts";
import { TransfersTable } from "../TransfersTable.tsx";
import { useLoad } from "../useLoad.ts";

const NAME_PROPS = ["name", "alias", "previousName", "weakAlias"];

interface EntityView {
  entity: EntityDetail;
  neighbours: Subgraph;
  ownership: OwnershipReport;
  timeline: TimelineEvent[];
  documents: Awaited<ReturnType<typeof api.entityDocuments>>;
  transactions: EntityTransactions;
}

/** One entity: every spelling, its properties, the lists and records it comes from, its relations. */
export function EntityPage({ id }: { id: string }) {
  const loaded = useLoad<EntityView>(async () => {
    const entity = await api.entity(id);
    const [neighbours, ownership, timeline, documents, transactions] = await Promise.all([
      api.expand(entity.id, 1),
      api.ownership(entity.id),
      api.timeline(entity.id),
      api.entityDocuments(entity.id),
      api.transactions(entity.id),
    ]);
    return { entity, neighbours, ownership, timeline, documents, transactions };
  }, id);
  if (loaded.state === "loading") return <p className="muted">Loading…</p>;
  if (loaded.state === "error") return <p className="error">{loaded.message}</p>;
  const { entity, neighbours, ownership, timeline, documents, transactions } = loaded.value;
  const names = [...new Set(NAME_PROPS.flatMap((p) => entity.properties[p] ?? []))];
  const caption = (nodeId: string): string =>
    neighbours.nodes.find((n) => n.id === nodeId)?.caption ?? nodeId;
  return (
    <article className="entity">
      <h1>
        {entity.caption} <span className="tag">{entity.schema}</span>
        {entity.target && <span className="tag sanctioned">sanctioned</span>}
      </h1>
      <p>
        <a className="button" href={href({ page: "network", id: entity.id, asOf: "" })}>
          Network
        </a>
      </p>
      <h2>Names ({names.length})</h2>
      <ul className="names">
        {names.map((n) => (
          <li
            key={n}
            lang={/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/.test(n) ? "und" : undefined}
          >
            {n}
          </li>
        ))}
      </ul>
      <h2>Properties</h2>
      <table>
        <tbody>
          {Object.entries(entity.properties)
            .filter(([p]) => !NAME_PROPS.includes(p))
            .map(([p, values]) => (
              <tr key={p}>
                <th>{p}</th>
                <td>{values.join(" · ")}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <h2>Sources</h2>
      <table>
        <thead>
          <tr>
            <th>list</th>
            <th>version</th>
            <th>record</th>
          </tr>
        </thead>
        <tbody>
          {entity.provenance.map((p) => (
            <tr key={`${p.dataset}/${p.sourceId}`}>
              <td>{p.dataset}</td>
              <td>{p.version}</td>
              <td>{p.sourceId}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {timeline.length > 0 && (
        <>
          <h2>Timeline</h2>
          <ol className="timeline">
            {timeline.map((e) => (
              <li key={`${e.dataset}/${e.sourceId}/${e.version}`}>
                <span className={`tag event-${e.kind}`}>{e.kind}</span> {e.dataset} version{" "}
                {e.version}{" "}
                <span className="muted">
                  ({day(e.date)}, record {e.sourceId})
                </span>
              </li>
            ))}
          </ol>
        </>
      )}
      {entity.referents.length > 1 && (
        <p className="muted">Merged from {entity.referents.join(", ")}</p>
      )}
      <h2>Relations ({neighbours.edges.length})</h2>
      <ul className="relations">
        {neighbours.edges.map((e, i) => (
          <li key={`${e.id}-${i}`}>
            <EdgeText edge={e} caption={caption} links />
          </li>
        ))}
      </ul>
      {ownership.owners.length > 0 && (
        <>
          <h2>Ownership</h2>
          <p>
            OFAC 50% rule: <strong className="ofac-status">{ownership.ofac.status}</strong> (blocked
            owners hold {ownership.ofac.aggregate}%)
            {ownership.euUk.ownedOrControlled && ownership.euUk.by
              ? `; EU/UK: owned or controlled by ${ownership.euUk.by.caption}`
              : ""}
          </p>
          <ul>
            {ownership.owners.map((o) => (
              <li key={o.owner}>
                {o.percentage === null ? "share not given" : `${o.percentage}%`}{" "}
                <a href={href({ page: "entity", id: o.owner })}>{o.caption}</a>
                {o.sanctioned && <span className="tag sanctioned">sanctioned</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>Documents ({documents.total})</h2>
      {documents.total === 0 && <p className="muted">No document mentions it.</p>}
      <ul className="entity-documents">
        {documents.documents.map((d) => (
          <li key={d.id}>
            <a href={href({ page: "document", id: d.id })}>{d.title || d.name}</a>{" "}
            <span className="muted">as {d.mentions.join(", ")}</span>
          </li>
        ))}
      </ul>
      <Transactions transactions={transactions} />
    </article>
  );
}

function Transactions({ transactions }: { transactions: EntityTransactions }) {
  if (transactions.accounts.length === 0) return null;
  return (
    <>
      <h2>Transactions ({transactions.total})</h2>
      <p>
        Accounts:{" "}
        {transactions.accounts.map((a) => (
          <a
            key={a.id}
            className="button"
            href={href({ page: "trace", account: a.id, direction: "forward" })}
          >
            trace {a.id}
          </a>
        ))}
      </p>
      <TransfersTable
        className="transactions"
        transfers={transactions.transfers}
        holder={(id, t) => (id === t.source ? t.source_name : t.target_name) ?? id}
        signed
      />
    </>
  );
}
