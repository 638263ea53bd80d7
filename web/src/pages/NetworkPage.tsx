import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import { useCallback, useEffect, useRef, useState } from "react";
import Sigma from "sigma";
import { api, type GraphEdge, type GraphNode, type Subgraph } from "../api.ts";
import { EdgeText } from "../EdgeText.tsx";
import { edgeLabel } from "../labels.ts";
import {
  canvasImage,
  diagramOf,
  download,
  saveDiagram,
  savedDiagrams,
  type Diagram,
} from "../network/diagram.ts";
import { href } from "../router.ts";

const COLOURS = { sanctioned: "#c0392b", highlight: "#e67e22", node: "#34495e", edge: "#b0b7bf" };
const SIZES: Record<string, number> = { Person: 6, Vessel: 6, BankAccount: 4 };

interface Shown {
  nodes: Map<string, GraphNode>;
  edges: Map<string, GraphEdge>;
}

const edgeKey = (e: GraphEdge): string =>
  `${e.source}\u0000${e.target}\u0000${e.kind}\u0000${e.id}`;

/** Past this many edges their labels are left out (the list below the canvas still says them). */
const EDGE_LABEL_LIMIT = 400;

/** Ownership kinds: what "ownership chains" walks. */
const OWNERSHIP_KINDS = ["Ownership", "owner"];

/** The label drawn on an edge: its meaning, and the share for ownership. */
const drawnLabel = (e: GraphEdge): string =>
  e.percentage !== undefined ? `${edgeLabel(e)} ${e.percentage}%` : edgeLabel(e);

/**
 * The network around an entity, drawn by sigma over a graphology graph: click an entity to expand
 * it, ask for the paths to sanctioned parties, look at the network as of a date. The edges are
 * also listed as text, for reading and for keyboards.
 */
export function NetworkPage({ id, asOf }: { id: string; asOf: string }) {
  const container = useRef<HTMLDivElement>(null);
  const graph = useRef(new Graph({ type: "directed", multi: false }));
  const renderer = useRef<Sigma | undefined>(undefined);
  const [shown, setShown] = useState<Shown>({ nodes: new Map(), edges: new Map() });
  const [highlight, setHighlight] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState("Loading…");
  const [date, setDate] = useState(asOf);

  const [hiddenKinds, setHiddenKinds] = useState<Set<string>>(new Set());
  const [diagrams, setDiagrams] = useState<Diagram[]>(() => savedDiagrams());

  const add = useCallback(
    (sub: Subgraph, around?: string, placed?: Map<string, { x: number; y: number }>) => {
      const g = graph.current;
      const origin = around && g.hasNode(around) ? g.getNodeAttributes(around) : { x: 0, y: 0 };
      setShown((previous) => {
        const nodes = new Map(previous.nodes);
        const edges = new Map(previous.edges);
        for (const n of sub.nodes) {
          nodes.set(n.id, n);
          if (!g.hasNode(n.id))
            g.addNode(n.id, {
              label: n.caption,
              x: placed?.get(n.id)?.x ?? (origin.x as number) + Math.random() - 0.5,
              y: placed?.get(n.id)?.y ?? (origin.y as number) + Math.random() - 0.5,
              size: SIZES[n.schema] ?? 8,
              color: n.sanctioned ? COLOURS.sanctioned : COLOURS.node,
            });
        }
        for (const e of sub.edges) {
          edges.set(edgeKey(e), e);
          // Parallel edges are drawn once: sigma draws one line between two nodes.
          if (g.hasNode(e.source) && g.hasNode(e.target) && !g.hasEdge(e.source, e.target))
            g.addEdge(e.source, e.target, {
              label: drawnLabel(e),
              kind: e.kind,
              size: 1.5,
              color: COLOURS.edge,
              type: "arrow",
            });
        }
        return { nodes, edges };
      });
      // A saved diagram comes back as it was laid out; anything else is laid out again.
      if (g.order > 1 && !placed)
        forceAtlas2.assign(g, { iterations: 60, settings: forceAtlas2.inferSettings(g) });
    },
    [],
  );

  useEffect(() => {
    const g = graph.current;
    g.clear();
    setShown({ nodes: new Map(), edges: new Map() });
    setHighlight(new Set());
    setMessage("Loading…");
    let current = true;
    api.expand(id, 2, asOf || undefined).then(
      (sub) => {
        if (!current) return;
        add(sub);
        setMessage("");
      },
      (error: unknown) => current && setMessage((error as Error).message),
    );
    if (container.current && !renderer.current)
      renderer.current = new Sigma(g, container.current, {
        renderEdgeLabels: true,
        allowInvalidContainer: true,
        // Labels are text drawn on a 2D canvas each frame: with a large network they are what
        // makes zooming and panning stutter, so they wait until the camera stops.
        hideLabelsOnMove: true,
        hideEdgesOnMove: false,
      });
    return () => {
      current = false;
    };
  }, [id, asOf, add]);

  useEffect(() => {
    const sigma = renderer.current;
    if (!sigma) return;
    const onClick = ({ node }: { node: string }): void => {
      api.expand(node, 1, asOf || undefined).then(
        (sub) => add(sub, node),
        (e: unknown) => setMessage((e as Error).message),
      );
    };
    sigma.on("clickNode", onClick);
    return () => {
      sigma.off("clickNode", onClick);
    };
  }, [add, asOf]);

  useEffect(() => () => renderer.current?.kill(), []);

  useEffect(() => {
    const g = graph.current;
    g.forEachNode((node, attributes) => {
      const n = shown.nodes.get(node);
      const colour = highlight.has(node)
        ? COLOURS.highlight
        : n?.sanctioned
          ? COLOURS.sanctioned
          : COLOURS.node;
      if (attributes.color !== colour) g.setNodeAttribute(node, "color", colour);
    });
    g.forEachEdge((edge, attributes, source, target) => {
      g.mergeEdgeAttributes(edge, {
        color: highlight.has(source) && highlight.has(target) ? COLOURS.highlight : COLOURS.edge,
        hidden: hiddenKinds.has(attributes.kind as string),
      });
    });
    const sigma = renderer.current;
    if (!sigma) return;
    const large = g.size > EDGE_LABEL_LIMIT;
    // Changing a setting makes sigma re-read all of them, so only when the size class changes.
    if (sigma.getSetting("renderEdgeLabels") === large) {
      sigma.setSetting("renderEdgeLabels", !large);
      // With thousands of edges the frame cost is edge rasterisation; while the camera moves the
      // nodes alone keep the analyst oriented, and the edges come back when it stops.
      sigma.setSetting("hideEdgesOnMove", large);
    }
    sigma.refresh();
  }, [highlight, shown, hiddenKinds]);

  const showOwnership = (): void => {
    setMessage("Following ownership…");
    Promise.all([api.expand(id, 4, asOf || undefined, OWNERSHIP_KINDS), api.ownership(id)]).then(
      ([sub, report]) => {
        add(sub, id);
        setHighlight(new Set(sub.nodes.map((n) => n.id)));
        const effective = report.effective.map((e) => `${e.caption} ${e.percentage}%`).join(", ");
        setMessage(
          `Ownership: ${sub.edges.length} links; OFAC 50% rule: ${report.ofac.status} (${report.ofac.aggregate}%)` +
            (effective ? `; effective shares of sanctioned parties: ${effective}` : ""),
        );
      },
      (e: unknown) => setMessage((e as Error).message),
    );
  };

  const save = (): void => {
    const name = window.prompt(
      "Name of the diagram",
      `${caption(id)} ${new Date().toISOString().slice(0, 10)}`,
    );
    if (!name) return;
    saveDiagram(
      diagramOf(graph.current, shown.nodes, shown.edges.values(), { name, entity: id, asOf }),
    );
    setDiagrams(savedDiagrams());
    setMessage(`Saved "${name}"`);
  };

  const open = (name: string): void => {
    const diagram = diagrams.find((d) => d.name === name);
    if (!diagram) return;
    graph.current.clear();
    setShown({ nodes: new Map(), edges: new Map() });
    add(
      { nodes: diagram.nodes, edges: diagram.edges },
      undefined,
      new Map(diagram.nodes.map((n) => [n.id, { x: n.x, y: n.y }])),
    );
    setMessage(`Opened "${name}" (saved ${diagram.savedAt.slice(0, 10)})`);
  };

  const exportJson = (): void => {
    const diagram = diagramOf(graph.current, shown.nodes, shown.edges.values(), {
      name: caption(id),
      entity: id,
      asOf,
    });
    download(
      `network-${id}.json`,
      new Blob([JSON.stringify(diagram, null, 2)], { type: "application/json" }),
    );
  };

  const exportPng = (): void => {
    renderer.current?.refresh();
    void canvasImage(container.current!).then((blob) => download(`network-${id}.png`, blob));
  };

  const kinds = [...new Set([...shown.edges.values()].map((e) => e.kind))].sort();
  const toggleKind = (kind: string): void => {
    const next = new Set(hiddenKinds);
    if (next.has(kind)) next.delete(kind);
    else next.add(kind);
    setHiddenKinds(next);
  };

  const findPaths = (): void => {
    setMessage("Looking for paths to sanctioned parties…");
    api.pathsToSanctioned(id, 4, asOf || undefined).then(
      ({ paths, truncated }) => {
        const nodes = new Set<string>();
        const sub: Subgraph = { nodes: [], edges: [] };
        for (const path of paths) {
          path.nodes.forEach((n) => nodes.add(n));
          sub.edges.push(...path.edges);
        }
        sub.nodes = [...nodes].map(
          (n) =>
            shown.nodes.get(n) ?? {
              id: n,
              schema: "LegalEntity",
              caption: n,
              datasets: [],
              sanctioned: false,
            },
        );
        add(sub);
        setHighlight(nodes);
        setMessage(
          `${paths.length} path(s) to sanctioned parties${truncated ? " (search cut short)" : ""}`,
        );
      },
      (e: unknown) => setMessage((e as Error).message),
    );
  };

  const applyDate = (event: React.FormEvent): void => {
    event.preventDefault();
    window.location.hash = href({ page: "network", id, asOf: date.trim() });
  };

  const caption = (nodeId: string): string => shown.nodes.get(nodeId)?.caption ?? nodeId;
  return (
    <section className="network">
      <h1>
        Network of <a href={href({ page: "entity", id })}>{caption(id)}</a>
        {asOf && <span className="tag">as of {asOf}</span>}
      </h1>
      <div className="toolbar">
        <form onSubmit={applyDate}>
          <label>
            As of{" "}
            <input
              aria-label="As of date"
              placeholder="YYYY-MM-DD"
              value={date}
              onChange={(e) => setDate(e.target.value)}
              size={10}
            />
          </label>
          <button type="submit">Apply</button>
        </form>
        <button onClick={findPaths}>Paths to sanctioned parties</button>
        <button onClick={showOwnership}>Ownership chains</button>
        <button onClick={save}>Save</button>
        {diagrams.length > 0 && (
          <select aria-label="Open a saved diagram" value="" onChange={(e) => open(e.target.value)}>
            <option value="">Open saved…</option>
            {diagrams.map((d) => (
              <option key={d.name}>{d.name}</option>
            ))}
          </select>
        )}
        <button onClick={exportPng}>PNG</button>
        <button onClick={exportJson}>JSON</button>
        <span className="muted" role="status">
          {message ||
            `${shown.nodes.size} entities, ${shown.edges.size} edges — click an entity to expand it`}
        </span>
      </div>
      {kinds.length > 1 && (
        <fieldset className="kinds">
          <legend>Relations</legend>
          {kinds.map((kind) => (
            <label key={kind}>
              <input
                type="checkbox"
                checked={!hiddenKinds.has(kind)}
                onChange={() => toggleKind(kind)}
              />{" "}
              {kind}
            </label>
          ))}
        </fieldset>
      )}
      <div className="canvas" ref={container} data-testid="network-canvas" />
      <details open>
        <summary>Edges</summary>
        <ul className="relations" aria-label="Edges">
          {[...shown.edges.values()]
            .filter((e) => !hiddenKinds.has(e.kind))
            .map((e) => (
              <li
                key={edgeKey(e)}
                className={
                  highlight.has(e.source) && highlight.has(e.target) ? "on-path" : undefined
                }
              >
                <EdgeText edge={e} caption={caption} links={false} />
              </li>
            ))}
        </ul>
      </details>
    </section>
  );
}
