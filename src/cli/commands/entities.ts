import type { Command } from "commander";
import { caption } from "../../model/entity.ts";
import { printJson, withStore, type GlobalOptions } from "../context.ts";
import { exportFtm } from "../../lists/export.ts";
import { InvalidInputError } from "../../errors.ts";
import { getResolvedEntity } from "../../resolution/entities.ts";

export function registerEntityCommands(program: Command): void {
  const entities = program.command("entities").description("look at entities in the store");
  entities
    .command("get <id>")
    .description(
      "one entity, merged over every active list and every record resolved into it, with its source records",
    )
    .option("--json", "print JSON")
    .action(async (id: string, options: { json?: boolean }) => {
      await withStore(program.opts<GlobalOptions>(), async (store) => {
        const entity = await getResolvedEntity(store, id);
        if (options.json) return printJson(entity);
        const lines = [
          `${caption(entity)}  [${entity.schema}] ${entity.id}`,
          `datasets: ${entity.datasets.join(", ")}`,
        ];
        if (entity.referents.length > 1) lines.push(`referents: ${entity.referents.join(", ")}`);
        for (const [prop, values] of Object.entries(entity.properties))
          lines.push(`  ${prop}: ${values.join(" | ")}`);
        for (const p of entity.provenance)
          lines.push(`source: ${p.dataset} ${p.version} record ${p.sourceId}`);
        process.stdout.write(`${lines.join("\n")}\n`);
      });
    });

  program
    .command("export")
    .description("write the entities of the active list versions")
    .option("--format <format>", "ftm (FollowTheMoney JSON lines)", "ftm")
    .option("--dataset <name...>", "only these datasets")
    .action(async (options: { format: string; dataset?: string[] }) => {
      if (options.format !== "ftm")
        throw new InvalidInputError(`export: unknown format '${options.format}' (ftm)`);
      await withStore(program.opts<GlobalOptions>(), (store) =>
        exportFtm(store, process.stdout, options.dataset),
      );
    });
}
