import { useEffect, useMemo, useState } from "react";
import { api, type ExposureRow, type TraceAnswer } from "../api.ts";
import { Chart, type ChartOption } from "../charts/Chart.tsx";
import { sankeyData } from "../charts/sankey.ts";
import { money, percent } from "../format.ts";
import { href } from "../router.ts";

interface TraceView {
  trace: TraceAnswer;
  exposure: Map<string, ExposureRow>;
  listed: Set<string>;
}

/** Follow one account's money forward or back: a Sankey of the flows and the accounts reached. */
export function TracePage({ account, direction }: { account: string; direction: string }) {
  const [form, setForm] = useState({
    account,
    direction,
    method: "proportional",
    hops: 4,
    from: "",
    to: "",
  });
  const [view, setView] = useState<TraceView | { error: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (): Promise<void> => {
    setBusy(true);
    try {
      const [trace, exposure] = await Promise.all([
        api.trace({
          account: form.account.trim(),
          direction: form.direction,
          method: form.method,
          hops: form.hops,
          from: form.from || undefined,
          to: form.to || undefined,
        }),
        api.exposure().catch(() => ({ sanctioned: [], accounts: [] })),
      ]);
      setView({
        trace,
        exposure: new Map(exposure.accounts.map((row) => [row.account, row])),
        listed: new Set(exposure.sanctioned),
      });
    } catch (error) {
      setView({ error: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };
  // Opened with an account (from an entity page or a trace row): trace it at once.
  useEffect(() => {
    if (account) void run();
  }, []);
  const submit = (event: React.FormEvent): void => {
    event.preventDefault();
    void run();
  };
  const set =
    (key: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      setForm({ ...form, [key]: key === "hops" ? Number(e.target.value) : e.target.value });
  return (
    <section>
      <h1>Trace</h1>
      <form className="toolbar" onSubmit={submit} aria-label="Trace">
        <label>
          Account <input value={form.account} onChange={set("account")} required size={18} />
        </label>
        <label>
          Direction{" "}
          <select value={form.direction} onChange={set("direction")}>
            <option value="forward">forward (where it went)</option>
            <option value="backward">backward (where it came from)</option>
          </select>
        </label>
        <label>
          Method{" "}
          <select value={form.method} onChange={set("method")}>
            <option value="proportional">proportional</option>
            <option value="fifo">FIFO</option>
          </select>
        </label>
        <label>
          Hops <input type="number" min={1} max={64} value={form.hops} onChange={set("hops")} />
        </label>
        <label>
          From <input type="date" value={form.from} onChange={set("from")} />
        </label>
        <label>
          To <input type="date" value={form.to} onChange={set("to")} />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? "Tracing…" : "Trace"}
        </button>
      </form>
      {view && "error" in view && <p className="error">{view.error}</p>}
      {view && "trace" in view && <TraceResult view={view} />}
    </section>
  );
}

function TraceResult({ view }: { view: TraceView }) {
  const { trace, exposure, listed } = view;
  const holder = (id: string): string => trace.accounts[id]?.name ?? id;
  const sankey = useMemo(() => sankeyData(trace, holder), [trace]);
  const option = useMemo<ChartOption>(
    () => ({
      // Drawn at once: a growing diagram reads as a wrong one in a screenshot or a report.
      animation: false,
      tooltip: { trigger: "item" },
      series: [
        {
          type: "sankey",
          layoutIterations: 32,
          emphasis: { focus: "adjacency" },
          nodeAlign: trace.direction === "forward" ? "left" : "right",
          data: sankey.nodes.map((n) => ({
            name: n.name,
            itemStyle: { color: listed.has(n.name) ? "#c0392b" : "#1f5fa8" },
          })),
          links: sankey.links,
          label: { formatter: (p: { name: string }) => holder(p.name) },
          lineStyle: { color: "gradient", opacity: 0.35 },
        },
      ],
    }),
    [sankey],
  );
  // What left the origin (forward) or reached it (backward): the sum over its first-hop edges.
  const origins = new Set([trace.origin].flat());
  const total = trace.edges
    .filter((e) => origins.has(trace.direction === "forward" ? e.source : e.target))
    .reduce((sum, e) => sum + e.amount, 0);
  return (
    <>
      <p>
        {trace.direction === "forward" ? "Forward" : "Backward"} {trace.method} trace in{" "}
        <strong>{trace.currency}</strong>: {trace.flows.length} accounts reached,{" "}
        <strong className="trace-total">{money(total, trace.currency)}</strong>{" "}
        {trace.direction === "forward" ? "traced out of" : "traced into"}{" "}
        {[trace.origin].flat().join(", ")}
        {trace.unknown_amount > 0 &&
          `, ${money(trace.unknown_amount, trace.currency)} from outside the ledger`}
        {trace.truncated && " (cut short: too many pieces)"}
      </p>
      {sankey.links.length > 0 && (
        <Chart option={option} label="Sankey diagram of the traced flows" className="sankey" />
      )}
      {sankey.loops > 0 && (
        <p className="muted">
          {sankey.loops} flows that close a loop are in the table, not the diagram.
        </p>
      )}
      <table className="reached">
        <thead>
          <tr>
            <th>account</th>
            <th>holder</th>
            <th>hops</th>
            <th>amount</th>
            <th>exposure</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {trace.flows.map((flow) => {
            const party = trace.accounts[flow.account];
            const exposed = exposure.get(flow.account);
            return (
              <tr key={flow.account}>
                <td>{flow.account}</td>
                <td>
                  {party?.entity_id ? (
                    <a href={href({ page: "entity", id: party.entity_id })}>
                      {party.name ?? party.entity_caption}
                    </a>
                  ) : (
                    (party?.name ?? "")
                  )}
                </td>
                <td>{flow.hops}</td>
                <td className="num">{money(flow.amount, trace.currency)}</td>
                <td>
                  {listed.has(flow.account) && <span className="tag sanctioned">listed party</span>}
                  {exposed && (
                    <span className="tag exposed">
                      exposed{" "}
                      {percent(
                        Math.max(exposed.inflow_share as number, exposed.outflow_share as number),
                      )}
                    </span>
                  )}
                </td>
                <td>
                  <a
                    href={href({
                      page: "trace",
                      account: flow.account,
                      direction: trace.direction,
                    })}
                  >
                    trace from here
                  </a>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
