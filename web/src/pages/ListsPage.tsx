import { useEffect, useState } from "react";
import { api, isFinished, type ListDiffAnswer, type ListsOverview } from "../api.ts";
import { day } from "../format.ts";
import { JobProgress, useJob } from "../jobs.tsx";
import { href } from "../router.ts";
import { useLoad } from "../useLoad.ts";

/** Every list's versions, what changed between two of them, and the explicit update. */
export function ListsPage() {
  const [refreshed, setRefreshed] = useState(0);
  const lists = useLoad(() => api.lists(), String(refreshed));
  return (
    <section>
      <h1>Lists</h1>
      <Update onDone={() => setRefreshed((n) => n + 1)} />
      {lists.state === "error" && <p className="error">{lists.message}</p>}
      {lists.state === "ok" && <Datasets overview={lists.value} />}
    </section>
  );
}

function Update({ onDone }: { onDone: () => void }) {
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState("");
  const job = useJob(jobId);
  const finished = job && isFinished(job) ? job.id : null;
  useEffect(() => {
    if (finished) onDone();
  }, [finished]);
  return (
    <div className="toolbar">
      <button
        type="button"
        disabled={!!job && !isFinished(job)}
        onClick={() =>
          void api.updateLists().then(
            (j) => setJobId(j.id),
            (e: Error) => setError(e.message),
          )
        }
        title="Downloads the official lists from their publishers: the one thing that goes online"
      >
        Update lists now
      </button>
      <span className="muted">downloads OFAC, UN, EU, UK, CSL and OpenSanctions files</span>
      {job && <JobProgress job={job} />}
      {error && <span className="error">{error}</span>}
    </div>
  );
}

function Datasets({ overview }: { overview: ListsOverview }) {
  const [diff, setDiff] = useState<{ dataset: string; from: string; to: string } | null>(null);
  return (
    <>
      {overview.updates.length > 0 && (
        <p className="muted">
          Last update: {overview.updates[0]!.status}
          {overview.updates[0]!.finishedAt && ` on ${overview.updates[0]!.finishedAt}`}
          {overview.updates[0]!.error && ` (${overview.updates[0]!.error})`}
        </p>
      )}
      {overview.datasets.length === 0 && (
        <p className="muted">
          No lists yet: <code>moneytrail lists update</code> or <code>moneytrail lists import</code>
          .
        </p>
      )}
      <table className="datasets">
        <thead>
          <tr>
            <th>list</th>
            <th>active version</th>
            <th>entries</th>
            <th>imported</th>
            <th>versions</th>
          </tr>
        </thead>
        <tbody>
          {overview.datasets.map(({ dataset, active, versions }) => (
            <tr key={dataset}>
              <td>{dataset}</td>
              <td>{active?.label ?? "none"}</td>
              <td className="num">{active?.entries.toLocaleString()}</td>
              <td>{active ? day(active.importedAt) : ""}</td>
              <td>
                {versions.map((v, i) =>
                  i + 1 < versions.length ? (
                    <button
                      key={v.id}
                      type="button"
                      onClick={() =>
                        setDiff({ dataset, from: versions[i + 1]!.label, to: v.label })
                      }
                    >
                      {versions[i + 1]!.label} → {v.label}
                    </button>
                  ) : (
                    <span key={v.id} className="muted">
                      {" "}
                      first: {v.label}
                    </span>
                  ),
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {diff && <Diff key={`${diff.dataset}/${diff.from}/${diff.to}`} {...diff} />}
    </>
  );
}

function Diff({ dataset, from, to }: { dataset: string; from: string; to: string }) {
  const loaded = useLoad<ListDiffAnswer>(
    () => api.listDiff(dataset, from, to),
    `${dataset}/${from}/${to}`,
  );
  if (loaded.state === "loading") return <p className="muted">Comparing…</p>;
  if (loaded.state === "error") return <p className="error">{loaded.message}</p>;
  const d = loaded.value;
  const entity = (e: { entityId: string; caption: string; schema: string }) => (
    <>
      <a href={href({ page: "entity", id: e.entityId })}>{e.caption}</a>{" "}
      <span className="tag">{e.schema}</span>
    </>
  );
  return (
    <div className="diff">
      <h2>
        {dataset}: {d.from} → {d.to}
      </h2>
      <p className="diff-counts">
        {d.counts.added} added, {d.counts.removed} removed, {d.counts.changed} changed,{" "}
        {d.counts.unchanged} unchanged
      </p>
      {d.added.length > 0 && <h3>Added</h3>}
      <ul>
        {d.added.map((e) => (
          <li key={e.sourceId}>{entity(e)}</li>
        ))}
      </ul>
      {d.removed.length > 0 && <h3>Removed</h3>}
      <ul>
        {d.removed.map((e) => (
          <li key={e.sourceId}>
            {e.caption} <span className="tag">{e.schema}</span>
          </li>
        ))}
      </ul>
      {d.changed.length > 0 && <h3>Changed</h3>}
      <ul>
        {d.changed.map((e) => (
          <li key={e.sourceId}>
            {entity(e)}
            <ul>
              {e.fields.map((f) => (
                <li key={f.field} className="muted">
                  {f.field}: {f.before ?? "—"} → {f.after ?? "—"}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
