/**
 * Saving and exporting what the network explorer shows: diagrams kept in the browser by name
 * (entities, edges and where they were placed), a JSON file of the same, and a PNG of the canvas.
 */
import type Graph from "graphology";
import type { GraphEdge, GraphNode } from "../api.ts";

export interface Diagram {
  name: string;
  entity: string;
  asOf: string;
  savedAt: string;
  nodes: Array<GraphNode & { x: number; y: number }>;
  edges: GraphEdge[];
}

const KEY = "moneytrail.diagrams";

export function savedDiagrams(): Diagram[] {
  try {
    return JSON.parse(localStorage.getItem(KEY) ?? "[]") as Diagram[];
  } catch {
    return [];
  }
}

export function saveDiagram(diagram: Diagram): void {
  const others = savedDiagrams().filter((d) => d.name !== diagram.name);
  localStorage.setItem(KEY, JSON.stringify([diagram, ...others]));
}

export function diagramOf(
  graph: Graph,
  nodes: Map<string, GraphNode>,
  edges: Iterable<GraphEdge>,
  meta: { name: string; entity: string; asOf: string },
): Diagram {
  return {
    ...meta,
    savedAt: new Date().toISOString(),
    nodes: [...nodes.values()]
      .filter((n) => graph.hasNode(n.id))
      .map((n) => ({
        ...n,
        x: graph.getNodeAttribute(n.id, "x") as number,
        y: graph.getNodeAttribute(n.id, "y") as number,
      })),
    edges: [...edges],
  };
}

export function download(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The sigma layers (WebGL edges and nodes, 2D labels) stacked onto one white canvas. Call right
 * after a synchronous render: WebGL keeps its drawing only until the browser composites.
 */
export function canvasImage(container: HTMLElement): Promise<Blob> {
  const layers = [...container.querySelectorAll("canvas")];
  const { width, height } = layers[0] ?? { width: 1, height: 1 };
  const out = document.createElement("canvas");
  out.width = width;
  out.height = height;
  const context = out.getContext("2d")!;
  context.fillStyle = "#fff";
  context.fillRect(0, 0, width, height);
  for (const layer of layers) context.drawImage(layer, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("no image"))), "image/png"),
  );
}
