import { useEffect, useState } from "react";
import { api, type MatchHit, type ScreenJob, type ScreenRow } from "../api.ts";
import { JobProgress, useJob } from "../jobs.tsx";
import { ReviewerField, useReviewer } from "../reviewer.tsx";
import { href } from "../router.ts";

const SCHEMATA = ["Person", "Organization", "Company", "Vessel", "LegalEntity"];
/** The single-name form's optional fields: key, label, placeholder, width. */
const OPTIONAL_FIELDS = [
  ["birthDate", "Birth date", "Birth date", 10],
  ["country", "Country", "Country (kp)", 6],
  ["identifier", "Identifier", "Passport, IMO, BIC…", 14],
] as const;

/** Screen one name with every feature explained, or a whole customer file with decisions. */
export function ScreeningPage() {
  const [reviewer, setReviewer] = useReviewer();
  return (
    <section>
      <h1>Screening</h1>
      <ReviewerField name={reviewer} setName={setReviewer} />
      <SingleName />
      <Batch reviewer={reviewer} />
    </section>
  );
}

function SingleName() {
  const [form, setForm] = useState({
    name: "",
    schema: "Person",
    birthDate: "",
    country: "",
    identifier: "",
  });
  const [hits, setHits] = useState<MatchHit[] | { error: string } | null>(null);
  const submit = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    const properties: Record<string, string[]> = { name: [form.name.trim()] };
    if (form.birthDate) properties.birthDate = [form.birthDate];
    if (form.country) properties.country = [form.country.trim().toLowerCase()];
    if (form.identifier) properties.idNumber = [form.identifier.trim()];
    setHits(await api.match(form.schema, properties).catch((e: Error) => ({ error: e.message })));
  };
  const set =
    (key: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      setForm({ ...form, [key]: e.target.value });
  return (
    <>
      <h2>One name</h2>
      <form className="toolbar" onSubmit={(e) => void submit(e)} aria-label="Screen a name">
        <input
          aria-label="Name"
          placeholder="Name in any script"
          value={form.name}
          onChange={set("name")}
          required
          size={28}
        />
        <select aria-label="Schema" value={form.schema} onChange={set("schema")}>
          {SCHEMATA.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
        {OPTIONAL_FIELDS.map(([key, label, placeholder, size]) => (
          <input
            key={key}
            aria-label={label}
            placeholder={placeholder}
            value={form[key]}
            onChange={set(key)}
            size={size}
          />
        ))}
        <button type="submit">Screen</button>
      </form>
      {hits && "error" in hits && <p className="error">{hits.error}</p>}
      {Array.isArray(hits) && hits.length === 0 && <p className="muted">No candidates.</p>}
      {Array.isArray(hits) && hits.length > 0 && (
        <ol className="hits">
          {hits.map((hit) => (
            <li key={hit.id}>
              <a href={href({ page: "entity", id: hit.id })}>{hit.caption}</a>{" "}
              <span className="tag">{hit.schema}</span>{" "}
              <strong className={hit.match ? "score match" : "score"}>
                {hit.score.toFixed(2)}
              </strong>
              {hit.match && <span className="tag sanctioned">match</span>}
              <table className="explanations">
                <tbody>
                  {Object.entries(hit.explanations)
                    .sort((a, b) => b[1].score - a[1].score)
                    .map(([feature, e]) => (
                      <tr key={feature}>
                        <th>{feature}</th>
                        <td className="num">{e.score.toFixed(2)}</td>
                        <td>{e.description}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function Batch({ reviewer }: { reviewer: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [threshold, setThreshold] = useState(0.7);
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState("");
  const job = useJob<ScreenJob>(jobId, api.screenJob);
  const start = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    if (!file) return;
    setError("");
    try {
      setJobId((await api.screenFile(file, threshold)).id);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const rescreen = async (): Promise<void> => {
    if (jobId) setJobId((await api.rescreen(jobId)).id);
  };
  return (
    <>
      <h2>Customer file</h2>
      <p className="muted">
        CSV or XLSX with columns <code>id,name</code> and optionally{" "}
        <code>schema,birth_date,country,identifier</code>; up to 50,000 rows here, any size with{" "}
        <code>moneytrail screen</code>.
      </p>
      <form className="toolbar" onSubmit={(e) => void start(e)} aria-label="Screen a file">
        <input
          type="file"
          aria-label="Customer file"
          accept=".csv,.xlsx,text/csv"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <label>
          Threshold{" "}
          <input
            type="number"
            min={0}
            max={1}
            step={0.05}
            value={threshold}
            onChange={(e) => setThreshold(Number(e.target.value))}
          />
        </label>
        <button type="submit" disabled={!file}>
          Screen file
        </button>
      </form>
      {error && <p className="error">{error}</p>}
      {job && <JobProgress job={job} />}
      {job?.status === "done" && (
        <BatchResults job={job} reviewer={reviewer} rescreen={() => void rescreen()} />
      )}
    </>
  );
}

function BatchResults({
  job,
  reviewer,
  rescreen,
}: {
  job: ScreenJob;
  reviewer: string;
  rescreen: () => void;
}) {
  const [matchesOnly, setMatchesOnly] = useState(false);
  const [rows, setRows] = useState<ScreenRow[] | null>(null);
  useEffect(() => {
    let live = true;
    void api.screenResults(job.id, matchesOnly).then((r) => live && setRows(r.rows));
    return () => {
      live = false;
    };
  }, [job.id, matchesOnly]);
  const decide = async (recordId: string, entityId: string, decision: "confirmed" | "cleared") => {
    await api.decide(entityId, recordId, decision, reviewer);
    // Decisions show on the next screen; here the row is marked at once.
    setRows((current) =>
      (current ?? []).map((row) =>
        row.input.id !== recordId
          ? row
          : {
              ...row,
              hits: row.hits.map((h) =>
                h.entityId === entityId
                  ? {
                      ...h,
                      decision: {
                        decision,
                        reviewer,
                        comment: null,
                        decidedAt: new Date().toISOString(),
                      },
                    }
                  : h,
              ),
            },
      ),
    );
  };
  return (
    <>
      <p className="summary">
        <strong className="rows-screened">{job.counts.rows}</strong> rows screened,{" "}
        <strong className="matches-found">{job.counts.matches}</strong> matches,{" "}
        {job.counts.candidates} candidates
        {job.counts.errors ? (
          <>
            , <strong className="error rows-failed">{job.counts.errors}</strong> rows not screened
          </>
        ) : null}
        .{" "}
        <a className="button" href={`/screen/jobs/${job.id}/results.csv`} download>
          Download CSV
        </a>{" "}
        <button
          type="button"
          onClick={rescreen}
          title="Screen the same customers against the lists as they are now"
        >
          Re-screen
        </button>{" "}
        <label>
          <input
            type="checkbox"
            checked={matchesOnly}
            onChange={(e) => setMatchesOnly(e.target.checked)}
          />{" "}
          matches only
        </label>
      </p>
      {job.previous && (
        <p className="muted">Re-screen: hits new since the last screen are marked.</p>
      )}
      <table className="screen-results">
        <thead>
          <tr>
            <th>id</th>
            <th>name</th>
            <th>candidate</th>
            <th>score</th>
            <th>decision</th>
          </tr>
        </thead>
        <tbody>
          {(rows ?? []).flatMap((row) =>
            row.error
              ? [
                  <tr key={row.input.id} className="row-error">
                    <td>{row.input.id}</td>
                    <td>{row.input.name}</td>
                    <td className="error" colSpan={3}>
                      not screened: {row.error}
                    </td>
                  </tr>,
                ]
              : row.hits.length === 0
                ? [
                    <tr key={row.input.id}>
                      <td>{row.input.id}</td>
                      <td>{row.input.name}</td>
                      <td className="muted" colSpan={3}>
                        no candidate
                      </td>
                    </tr>,
                  ]
                : row.hits.map((hit) => (
                    <tr
                      key={`${row.input.id}/${hit.entityId}`}
                      className={hit.match ? "match" : undefined}
                    >
                      <td>{hit.rank === 1 ? row.input.id : ""}</td>
                      <td>{hit.rank === 1 ? row.input.name : ""}</td>
                      <td>
                        <a href={href({ page: "entity", id: hit.entityId })}>{hit.caption}</a>{" "}
                        <span className="muted">{hit.datasets.join(", ")}</span>
                        {hit.change && <span className="tag exposed">{hit.change}</span>}
                      </td>
                      <td className="num">{hit.score.toFixed(2)}</td>
                      <td>
                        {hit.decision ? (
                          <span className={`tag decision-${hit.decision.decision}`}>
                            {hit.decision.decision} by {hit.decision.reviewer}
                          </span>
                        ) : (
                          <>
                            <button
                              type="button"
                              onClick={() => void decide(row.input.id, hit.entityId, "confirmed")}
                            >
                              Confirm
                            </button>{" "}
                            <button
                              type="button"
                              onClick={() => void decide(row.input.id, hit.entityId, "cleared")}
                            >
                              Clear
                            </button>
                          </>
                        )}
                      </td>
                    </tr>
                  )),
          )}
        </tbody>
      </table>
    </>
  );
}
