import { useMemo, useState } from "react";
import { api, type AlertDetail, type AlertView } from "../api.ts";
import { Chart, type ChartOption } from "../charts/Chart.tsx";
import { day, money } from "../format.ts";
import { ReviewerField, useReviewer } from "../reviewer.tsx";
import { href } from "../router.ts";
import { TransfersTable } from "../TransfersTable.tsx";
import { useLoad } from "../useLoad.ts";

/** Queue tabs: "open" is everything not closed (assigned alerts are still open work). */
const TABS: Record<string, (status: AlertView["status"]) => boolean> = {
  open: (s) => s !== "closed",
  assigned: (s) => s === "assigned",
  closed: (s) => s === "closed",
  all: () => true,
};

/** The typology alerts queue: pick one, see its pattern drawn, take it on or close it. */
export function AlertsPage() {
  const [status, setStatus] = useState<string>("open");
  const [chosen, setChosen] = useState<string | null>(null);
  const [changes, setChanges] = useState(0);
  const [reviewer, setReviewer] = useReviewer();
  const alerts = useLoad(() => api.alerts(), String(changes));
  return (
    <section>
      <h1>Alerts</h1>
      <div className="toolbar">
        <span role="group" aria-label="Status">
          {Object.keys(TABS).map((tab) => (
            <button
              key={tab}
              type="button"
              className={status === tab ? "facet on" : "facet"}
              aria-pressed={status === tab}
              onClick={() => setStatus(tab)}
            >
              {tab}
            </button>
          ))}
        </span>
        <ReviewerField name={reviewer} setName={setReviewer} />
      </div>
      {alerts.state === "error" && <p className="error">{alerts.message}</p>}
      {alerts.state === "ok" && (
        <div className="columns wide">
          <AlertList
            alerts={alerts.value.filter((a) => TABS[status]!(a.status))}
            chosen={chosen}
            choose={setChosen}
          />
          {chosen && (
            <AlertPanel
              key={`${chosen}/${changes}`}
              id={chosen}
              reviewer={reviewer}
              changed={() => setChanges((n) => n + 1)}
            />
          )}
        </div>
      )}
    </section>
  );
}

function AlertList({
  alerts,
  chosen,
  choose,
}: {
  alerts: AlertView[];
  chosen: string | null;
  choose: (id: string) => void;
}) {
  if (alerts.length === 0) return <p className="muted">No alerts here.</p>;
  return (
    <ul className="alerts" aria-label="Alerts">
      {alerts.map((a) => (
        <li key={a.id}>
          <button
            type="button"
            className={a.id === chosen ? "alert on" : "alert"}
            onClick={() => choose(a.id)}
          >
            <strong>{a.typology}</strong> {a.score.toFixed(2)} · {a.accounts.length} accounts ·{" "}
            {a.transactions.length} transfers
            <span className={`tag status-${a.status}`}>
              {a.status}
              {a.review?.assignee ? `: ${a.review.assignee}` : ""}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

function AlertPanel({
  id,
  reviewer,
  changed,
}: {
  id: string;
  reviewer: string;
  changed: () => void;
}) {
  const alert = useLoad(() => api.alert(id), id);
  const [note, setNote] = useState("");
  const [error, setError] = useState("");
  if (alert.state === "loading") return <p className="muted">Loading…</p>;
  if (alert.state === "error") return <p className="error">{alert.message}</p>;
  const a = alert.value;
  const review = async (status: "open" | "assigned" | "closed", assignee: string | null) => {
    try {
      await api.reviewAlert(id, {
        status,
        assignee,
        note: note || a.review?.note || null,
        user: reviewer,
      });
      changed();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="alert-panel">
      <h2>
        {a.typology} <span className={`tag status-${a.status}`}>{a.status}</span>
      </h2>
      <p>{a.reason}</p>
      <PatternChart alert={a} />
      <TransfersTable transfers={a.transfers} holder={(id) => a.names[id] ?? id} />
      <p>
        {a.accounts.map((account) => (
          <a
            key={account}
            className="button"
            href={href({ page: "trace", account, direction: "forward" })}
          >
            trace {account}
          </a>
        ))}
      </p>
      {a.review && (
        <p className="muted">
          {a.review.status} by {a.review.user} on {day(a.review.updatedAt)}
          {a.review.note && `: ${a.review.note}`}
        </p>
      )}
      <div className="toolbar">
        <input
          aria-label="Note"
          placeholder="Note"
          value={note}
          onChange={(e) => setNote(e.target.value)}
          size={30}
        />
        {a.status !== "assigned" && (
          <button type="button" onClick={() => void review("assigned", reviewer)}>
            Assign to me
          </button>
        )}
        {a.status !== "closed" ? (
          <button
            type="button"
            onClick={() => void review("closed", a.review?.assignee ?? reviewer)}
          >
            Close
          </button>
        ) : (
          <button type="button" onClick={() => void review("open", null)}>
            Reopen
          </button>
        )}
      </div>
      {error && <p className="error">{error}</p>}
    </div>
  );
}

/** The alert's accounts in a circle and its transfers between them, summed per pair. */
function PatternChart({ alert }: { alert: AlertDetail }) {
  const option = useMemo<ChartOption>(() => {
    const pairs = new Map<
      string,
      { source: string; target: string; value: number; currency: string }
    >();
    for (const t of alert.transfers) {
      const key = `${t.source}>${t.target}`;
      const pair = pairs.get(key) ?? {
        source: t.source,
        target: t.target,
        value: 0,
        currency: t.currency,
      };
      pair.value += t.amount;
      pairs.set(key, pair);
    }
    const nodes = new Set([
      ...alert.accounts,
      ...alert.transfers.flatMap((t) => [t.source, t.target]),
    ]);
    return {
      animation: false,
      tooltip: {},
      series: [
        {
          type: "graph",
          layout: "circular",
          symbolSize: 26,
          edgeSymbol: ["none", "arrow"],
          edgeSymbolSize: 9,
          label: {
            show: true,
            position: "bottom",
            formatter: (p: { name: string }) => alert.names[p.name] ?? p.name,
          },
          data: [...nodes].map((name) => ({
            name,
            itemStyle: { color: alert.accounts.includes(name) ? "#c0392b" : "#9aa5b1" },
          })),
          links: [...pairs.values()].map((p) => ({
            source: p.source,
            target: p.target,
            value: p.value,
            label: { show: true, formatter: money(p.value, p.currency) },
          })),
          lineStyle: { width: 2, curveness: 0.15 },
        },
      ],
    };
  }, [alert]);
  return (
    <Chart option={option} label={`Pattern of the ${alert.typology} alert`} className="pattern" />
  );
}
