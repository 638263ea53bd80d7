/**
 * Ownership arithmetic over the network.
 *
 * OFAC's 50% rule: an entity owned 50% or more, directly or indirectly, individually or in the
 * aggregate, by blocked persons is itself blocked; an entity so blocked counts as a blocked owner
 * of what it owns in turn. This is a fixed point over the owners upstream of an entity, which
 * also settles cycles (A owns B owns A) without looping.
 *
 * The EU and the UK look at one designated person at a time: an entity more than 50% owned, or
 * controlled, by a designated person, directly or through entities that person owns or controls.
 *
 * Missing percentages are never guessed. When the entity would be blocked if an unknown share
 * were large enough, the answer is "undetermined", with the shares that are missing.
 */
import { NotFoundError } from "../errors.ts";
import { StepBudget } from "./budget.ts";
import { inForce } from "./edges.ts";
import type { Network } from "./network.ts";
import { isSanctionedFor, nodeFor, type Readable } from "./node-view.ts";
import type { GraphEdge, GraphNode, Holding, OfacStatus, OwnershipReport, Proof } from "./types.ts";

const OFAC_THRESHOLD = 50;
const EU_UK_THRESHOLD = 50;
/** Chains longer than this are not followed for effective shares. */
const MAX_CHAIN = 12;
const OWNERSHIP_KINDS = new Set(["Ownership", "owner", "parent"]);
const CONTROL_ROLE = /control|beneficial|ultimate/i;

export function isOwnershipEdge(edge: GraphEdge): boolean {
  return OWNERSHIP_KINDS.has(edge.kind);
}

/**
 * The ownership report of one entity. Every step over a holding counts against `maxSteps`: past
 * it the report is refused (422) rather than cut, since a cut one could say "not blocked" of an
 * entity that is. Holdings, names and who is listed are what the `readable` datasets say (all
 * when absent): a private list must not make an owner listed, nor an entity blocked, for others.
 *
 * @example ownershipReport(network, "ofac-123").ofac.status
 */
export function ownershipReport(
  network: Network,
  id: string,
  asOf?: string,
  readable?: (dataset: string) => boolean,
  maxSteps = Infinity,
): OwnershipReport {
  const found = network.node(id);
  if (!found) throw new NotFoundError(`no entity '${id}' in the network`);
  const node = nodeFor(found, readable);
  const view = (entity: string) => nodeFor(network.node(entity)!, readable);
  const budget = new StepBudget(maxSteps);
  const spend = (steps: number): void => budget.spend(steps, `ownership of '${id}'`);
  const holdings = upstream(network, id, asOf, readable, spend);
  const listed = (entity: string): boolean => {
    const owner = network.node(entity);
    return owner ? isSanctionedFor(owner, readable) : false;
  };
  const blocked = ofacFixedPoint(holdings, listed, false, spend);
  const possibly = ofacFixedPoint(holdings, listed, true, spend);
  const direct = holdings.get(id) ?? [];
  const aggregate = round(
    direct
      .filter((h) => h.percentage !== null && (listed(h.owner) || blocked.has(h.owner)))
      .reduce((sum, h) => sum + h.percentage!, 0),
  );
  let status: OfacStatus = "not blocked";
  if (node.sanctioned) status = "listed";
  else if (blocked.has(id)) status = "blocked";
  else if (possibly.has(id)) status = "undetermined";
  const missing: Array<{ owner: string; asset: string }> = [];
  if (status === "undetermined") {
    for (const [asset, list] of holdings) {
      for (const h of list) {
        if (h.percentage === null && (listed(h.owner) || possibly.has(h.owner)))
          missing.push({ owner: h.owner, asset });
      }
    }
  }
  return {
    entity: id,
    caption: node.caption,
    owners: direct,
    ofac: {
      status,
      aggregate,
      ...(status === "listed" || status === "blocked"
        ? { proof: proofOf(view, listed, id, holdings, blocked, new Set(), spend) }
        : {}),
      missing,
    },
    euUk: euUk(view, id, holdings, listed, spend),
    effective: effectiveShares(view, id, holdings, listed, spend),
    cycles: findCycles(id, holdings, spend),
  };
}

/** Every holding upstream of the entity (owners, their owners, …), by asset. */
function upstream(
  network: Network,
  id: string,
  asOf: string | undefined,
  readable: Readable,
  spend: (steps: number) => void,
): Map<string, Holding[]> {
  const holdings = new Map<string, Holding[]>();
  const queue = [id];
  const seen = new Set(queue);
  // An index, not shift(): shifting a queue of a hub's 100,000 owners is quadratic.
  for (let head = 0; head < queue.length; head++) {
    const asset = queue[head]!;
    spend(network.graph.inDegree(asset));
    const list: Holding[] = [];
    network.graph.forEachInEdge(asset, (_key, edge, owner, _target, ownerAttributes) => {
      if (!isOwnershipEdge(edge) || (asOf && !inForce(edge, asOf))) return;
      if (readable && !readable(edge.dataset)) return;
      const shown = nodeFor(ownerAttributes, readable);
      list.push({
        owner,
        caption: shown.caption,
        percentage: edge.percentage ?? null,
        sanctioned: shown.sanctioned,
        kind: edge.kind,
        control: edge.kind === "parent" || CONTROL_ROLE.test(edge.role ?? ""),
        ...(edge.start ? { start: edge.start } : {}),
        ...(edge.end ? { end: edge.end } : {}),
        dataset: edge.dataset,
      });
      if (!seen.has(owner)) {
        seen.add(owner);
        queue.push(owner);
      }
    });
    holdings.set(asset, list);
  }
  return holdings;
}

/**
 * Entities blocked by aggregation. `optimistic` counts unknown shares as whole and is used to
 * tell "not blocked" from "undetermined".
 */
function ofacFixedPoint(
  holdings: Map<string, Holding[]>,
  listed: (id: string) => boolean,
  optimistic: boolean,
  spend: (steps: number) => void,
): Set<string> {
  const blocked = new Set<string>();
  for (let changed = true; changed;) {
    changed = false;
    for (const [asset, list] of holdings) {
      spend(list.length + 1);
      if (blocked.has(asset) || listed(asset)) continue;
      let share = 0;
      for (const h of list) {
        if (!listed(h.owner) && !blocked.has(h.owner)) continue;
        share += h.percentage ?? (optimistic ? 100 : 0);
      }
      if (share >= OFAC_THRESHOLD - 1e-9) {
        blocked.add(asset);
        changed = true;
      }
    }
  }
  return blocked;
}

/** A node as the caller sees it (node-view.ts). */
type View = (id: string) => GraphNode;

function proofOf(
  view: View,
  listed: (id: string) => boolean,
  id: string,
  holdings: Map<string, Holding[]>,
  blocked: Set<string>,
  path: Set<string>,
  spend: (steps: number) => void,
  percentage?: number,
): Proof {
  const base = {
    entity: id,
    caption: view(id).caption,
    ...(percentage !== undefined ? { percentage } : {}),
  };
  if (listed(id)) return { ...base, status: "listed", owners: [] };
  const next = new Set(path).add(id);
  // Proofs are trees of chains: diamonds of blocked owners repeat subtrees, each counted.
  spend((holdings.get(id)?.length ?? 0) + path.size);
  const owners = (holdings.get(id) ?? [])
    .filter((h) => h.percentage !== null && !next.has(h.owner))
    .filter((h) => listed(h.owner) || blocked.has(h.owner))
    .map((h) => proofOf(view, listed, h.owner, holdings, blocked, next, spend, h.percentage!));
  const aggregate = round(owners.reduce((sum, o) => sum + (o.percentage ?? 0), 0));
  return { ...base, status: "blocked", aggregate, owners };
}

function euUk(
  view: View,
  id: string,
  holdings: Map<string, Holding[]>,
  listed: (id: string) => boolean,
  spend: (steps: number) => void,
): OwnershipReport["euUk"] {
  const parties = new Set<string>();
  for (const list of holdings.values())
    for (const h of list) if (listed(h.owner)) parties.add(h.owner);
  for (const party of parties) {
    // What the party owns or controls, growing until nothing changes.
    const controlled = new Set([party]);
    let result: { share: number; control: boolean } | undefined;
    for (let changed = true; changed;) {
      changed = false;
      for (const [asset, list] of holdings) {
        spend(list.length + 1);
        if (controlled.has(asset)) continue;
        const mine = list.filter((h) => controlled.has(h.owner));
        const share = mine.reduce((sum, h) => sum + (h.percentage ?? 0), 0);
        const control = mine.some((h) => h.control);
        if (share > EU_UK_THRESHOLD || control) {
          controlled.add(asset);
          changed = true;
          if (asset === id)
            result = { share: round(share), control: control && share <= EU_UK_THRESHOLD };
        }
      }
    }
    if (result)
      return {
        ownedOrControlled: true,
        by: { party, caption: view(party).caption, ...result },
      };
  }
  return { ownedOrControlled: false };
}

function effectiveShares(
  view: View,
  id: string,
  holdings: Map<string, Holding[]>,
  listed: (id: string) => boolean,
  spend: (steps: number) => void,
): OwnershipReport["effective"] {
  const totals = new Map<string, number>();
  // Chains, not owners: diamonds of owners multiply them, so each chain step counts.
  const walk = (asset: string, factor: number, path: Set<string>): void => {
    if (path.size > MAX_CHAIN) return;
    const owners = holdings.get(asset) ?? [];
    spend(owners.length + path.size);
    for (const h of owners) {
      if (h.percentage === null || path.has(h.owner)) continue;
      const share = (factor * h.percentage) / 100;
      if (listed(h.owner)) totals.set(h.owner, (totals.get(h.owner) ?? 0) + share);
      walk(h.owner, share, new Set(path).add(h.owner));
    }
  };
  walk(id, 1, new Set([id]));
  return [...totals]
    .map(([party, share]) => ({
      party,
      caption: view(party).caption,
      percentage: round(share * 100),
    }))
    .sort((a, b) => b.percentage - a.percentage);
}

function findCycles(
  id: string,
  holdings: Map<string, Holding[]>,
  spend: (steps: number) => void,
): string[][] {
  const cycles = new Map<string, string[]>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const done = new Set<string>();
  const visit = (node: string): void => {
    stack.push(node);
    onStack.add(node);
    const owners = holdings.get(node) ?? [];
    spend(owners.length);
    for (const h of owners) {
      if (onStack.has(h.owner)) {
        const cycle = stack.slice(stack.indexOf(h.owner));
        cycles.set([...cycle].sort().join("\u0000"), cycle);
      } else if (!done.has(h.owner)) visit(h.owner);
    }
    stack.pop();
    onStack.delete(node);
    done.add(node);
  };
  visit(id);
  return [...cycles.values()];
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
