import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import type { Command } from "commander";
import { InvalidInputError } from "../../errors.ts";
import { CLUSTER_KINDS, sharedAttributeClusters, type ClusterKind } from "../../graph/clusters.ts";
import { EXPORT_FORMATS, exportNetwork, type ExportFormat } from "../../graph/export.ts";
import { formatOwnership, formatPath, formatSubgraph } from "../../graph/format.ts";
import { loadNetwork } from "../../graph/load.ts";
import { ownershipReport } from "../../graph/ownership.ts";
import { expand, pathsToSanctioned, shortestPath } from "../../graph/queries.ts";
import type { EdgeFilter } from "../../graph/types.ts";
import { printJson, withStore, type GlobalOptions } from "../context.ts";
import { wholeNumber } from "../options.ts";

interface FilterOptions {
  kind?: string[];
  schema?: string[];
  asOf?: string;
}

export function registerGraphCommands(program: Command): void {
  const graph = program
    .command("graph")
    .description("the network of listed entities, their relationships, accounts and documents");
  const withFilters = (command: Command): Command =>
    command
      .option(
        "--kind <kind...>",
        "only these edge kinds (Ownership, Directorship, UnknownLink, owner, payment, …)",
      )
      .option("--schema <schema...>", "only entities of these schemata")
      .option(
        "--as-of <date>",
        "only relationships in force on this date (YYYY, YYYY-MM or YYYY-MM-DD)",
      );

  withFilters(
    graph
      .command("expand <id>")
      .description("everything within N hops of an entity")
      .option("--hops <n>", "hops", "2")
      .option("--max-nodes <n>", "entities returned at most", "2000")
      .option("--json", "print JSON"),
  ).action(
    async (
      id: string,
      options: FilterOptions & { hops: string; maxNodes: string; json?: boolean },
    ) => {
      await withStore(program.opts<GlobalOptions>(), async (store) => {
        const { network, resolution } = await loadNetwork(store);
        const sub = expand(network, resolution.canonical(id), {
          ...filterOf(options),
          hops: wholeNumber(options.hops, "graph: --hops", 10),
          maxNodes: wholeNumber(options.maxNodes, "graph: --max-nodes", 1_000_000),
        });
        if (options.json) return printJson(sub);
        process.stdout.write(`${formatSubgraph(sub, network)}\n`);
      });
    },
  );

  withFilters(
    graph
      .command("paths <from> [to]")
      .description("the shortest path between two entities, or every path to a sanctioned entity")
      .option("--to-sanctioned", "paths to any sanctioned entity")
      .option("--hops <n>", "longest path in hops", "4")
      .option("--limit <n>", "paths returned at most (--to-sanctioned)", "50")
      .option("--json", "print JSON"),
  ).action(
    async (
      from: string,
      to: string | undefined,
      options: FilterOptions & {
        toSanctioned?: boolean;
        hops: string;
        limit: string;
        json?: boolean;
      },
    ) => {
      if (!to && !options.toSanctioned)
        throw new InvalidInputError("graph paths: give a target entity or --to-sanctioned");
      await withStore(program.opts<GlobalOptions>(), async (store) => {
        const { network, resolution } = await loadNetwork(store);
        const start = resolution.canonical(from);
        const maxHops = wholeNumber(options.hops, "graph: --hops", 12);
        if (to) {
          const path = shortestPath(network, start, resolution.canonical(to), {
            ...filterOf(options),
            maxHops,
          });
          if (options.json) return printJson(path ?? null);
          process.stdout.write(
            path ? `${formatPath(path, network)}\n` : `no path within ${maxHops} hops\n`,
          );
          return;
        }
        const found = pathsToSanctioned(network, start, {
          ...filterOf(options),
          maxHops,
          limit: wholeNumber(options.limit, "graph: --limit", 10_000),
        });
        if (options.json) return printJson(found);
        const lines = found.paths.map((p) => formatPath(p, network));
        lines.push(
          `${found.paths.length} path(s) to sanctioned entities within ${maxHops} hops${found.truncated ? " (search budget reached: more may exist)" : ""}`,
        );
        process.stdout.write(`${lines.join("\n")}\n`);
      });
    },
  );

  graph
    .command("ownership <id>")
    .description(
      "owners, aggregated blocked ownership (OFAC 50% rule), EU/UK ownership or control, with the proof",
    )
    .option("--as-of <date>", "ownership in force on this date")
    .option("--json", "print JSON")
    .action(async (id: string, options: { asOf?: string; json?: boolean }) => {
      await withStore(program.opts<GlobalOptions>(), async (store) => {
        const { network, resolution } = await loadNetwork(store, {
          ledger: false,
          documents: false,
        });
        const canonical = resolution.canonical(id);
        if (!network.has(canonical))
          throw new InvalidInputError(`graph ownership: no entity '${id}'`);
        const report = ownershipReport(network, canonical, dateOf(options.asOf));
        if (options.json) return printJson(report);
        process.stdout.write(`${formatOwnership(report)}\n`);
      });
    });

  graph
    .command("clusters")
    .description(
      "entities sharing an address, phone, e-mail, director or agent (front-company leads first)",
    )
    .option("--kind <kind...>", `only these: ${CLUSTER_KINDS.join(", ")}`)
    .option("--min <n>", "smallest cluster", "2")
    .option("--max <n>", "largest cluster (bigger ones are mass addresses)", "50")
    .option("--limit <n>", "clusters shown", "20")
    .option("--json", "print JSON")
    .action(
      async (options: {
        kind?: string[];
        min: string;
        max: string;
        limit: string;
        json?: boolean;
      }) => {
        for (const kind of options.kind ?? [])
          if (!(CLUSTER_KINDS as readonly string[]).includes(kind))
            throw new InvalidInputError(
              `graph clusters: unknown kind '${kind}' (${CLUSTER_KINDS.join(", ")})`,
            );
        await withStore(program.opts<GlobalOptions>(), async (store) => {
          const { network } = await loadNetwork(store, {
            properties: true,
            ledger: false,
            documents: false,
          });
          const clusters = sharedAttributeClusters(network, {
            ...(options.kind ? { kinds: options.kind as ClusterKind[] } : {}),
            minSize: wholeNumber(options.min, "graph: --min", 1_000_000),
            maxSize: wholeNumber(options.max, "graph: --max", 1_000_000),
          }).slice(0, wholeNumber(options.limit, "graph: --limit", 1_000_000));
          if (options.json) return printJson(clusters);
          const lines = clusters.flatMap((c) => [
            `${c.kind}: ${c.label} — ${c.members.length} entities, ${c.sanctioned} sanctioned`,
            ...c.members.map(
              (m) => `  ${m.sanctioned ? "!" : " "} ${m.id}  ${m.caption} [${m.schema}]`,
            ),
          ]);
          process.stdout.write(`${lines.join("\n")}\n`);
        });
      },
    );

  graph
    .command("export")
    .description("the whole network as FtM JSON lines, GEXF (Gephi) or GraphML")
    .option("--format <format>", EXPORT_FORMATS.join(", "), "ftm")
    .option("--out <file>", "write here instead of standard output")
    .action(async (options: { format: string; out?: string }) => {
      if (!(EXPORT_FORMATS as readonly string[]).includes(options.format))
        throw new InvalidInputError(
          `graph export: unknown format '${options.format}' (${EXPORT_FORMATS.join(", ")})`,
        );
      await withStore(program.opts<GlobalOptions>(), async (store) => {
        const { network } = await loadNetwork(store, { properties: true });
        const out = options.out ? createWriteStream(options.out) : process.stdout;
        await exportNetwork(network, options.format as ExportFormat, out);
        if (options.out) {
          out.end();
          await finished(out);
        }
      });
    });
}

function filterOf(options: FilterOptions): EdgeFilter {
  return {
    ...(options.kind ? { kinds: options.kind } : {}),
    ...(options.schema ? { schemata: options.schema } : {}),
    ...(options.asOf ? { asOf: dateOf(options.asOf) } : {}),
  };
}

function dateOf(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(text))
    throw new InvalidInputError(
      `graph: --as-of must be YYYY, YYYY-MM or YYYY-MM-DD, not '${text}'`,
    );
  return text;
}
