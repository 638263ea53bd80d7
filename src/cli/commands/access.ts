/**
 * Users, API keys, collections and the audit log from the command line: how an agency's first
 * admin is made (the audit log's commands are in audit.ts).
 */
import os from "node:os";
import type { Command } from "commander";
import type { AuditEvent } from "../../access/audit-chain.ts";
import { boundEvent } from "../../access/audit-bound.ts";
import { registerAuditCommands } from "./audit.ts";
import { addUser, changeUser, createApiKey, grantCollection } from "../../access/manage.ts";
import { InvalidInputError, NotFoundError } from "../../errors.ts";
import type { Store } from "../../store/store.ts";
import { printJson, withStore, type GlobalOptions } from "../context.ts";
import { wholeNumber } from "../options.ts";

/** Who acted, for the audit log: the operating-system user at the terminal. */
function cliActor(): string {
  return `cli:${os.userInfo().username}`;
}

async function audited(store: Store, event: Omit<AuditEvent, "actor">): Promise<void> {
  await store.access.appendAudit([boundEvent({ actor: cliActor(), ...event })]);
}

/** The first line of standard input: passwords never go on the command line (shell history). */
async function readPassword(): Promise<string> {
  let text = "";
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes("\n")) break;
  }
  const password = text.split(/\r?\n/)[0] ?? "";
  if (!password) throw new InvalidInputError("--password-stdin: no password on standard input");
  return password;
}

export function registerAccessCommands(program: Command): void {
  const globals = (): GlobalOptions => program.opts<GlobalOptions>();
  const users = program.command("users").description("people who may use the server");
  users
    .command("add <username>")
    .description("add a user (roles: viewer, analyst, admin)")
    .requiredOption("--role <role>", "viewer, analyst or admin")
    .option("--agency <name>", "the agency the user works for (grants to agency:<name> apply)")
    .option("--password-stdin", "read the password from standard input")
    .action(
      async (
        username: string,
        options: { role: string; agency?: string; passwordStdin?: boolean },
      ) => {
        const password = options.passwordStdin ? await readPassword() : undefined;
        await withStore(globals(), async (store) => {
          const user = await addUser(store.access, {
            username,
            password,
            role: options.role,
            agency: options.agency,
          });
          await audited(store, {
            action: "user.create",
            target: username,
            detail: { role: user.role, agency: user.agency },
          });
          process.stdout.write(
            `user ${user.username} added (${user.role}${user.agency ? `, ${user.agency}` : ""})\n`,
          );
        });
      },
    );
  users
    .command("set <username>")
    .description("change a user's role, agency or password, or disable or enable it")
    .option("--role <role>")
    .option("--agency <name>")
    .option("--password-stdin", "read the new password from standard input")
    .option("--disable")
    .option("--enable")
    .action(
      async (
        username: string,
        options: {
          role?: string;
          agency?: string;
          passwordStdin?: boolean;
          disable?: boolean;
          enable?: boolean;
        },
      ) => {
        const password = options.passwordStdin ? await readPassword() : undefined;
        const disabled = options.disable ? true : options.enable ? false : undefined;
        await withStore(globals(), async (store) => {
          const user = await changeUser(store.access, username, {
            role: options.role,
            agency: options.agency,
            disabled,
            password,
          });
          await audited(store, {
            action: "user.change",
            target: username,
            detail: {
              role: options.role,
              agency: options.agency,
              disabled,
              password: password ? "changed" : undefined,
            },
          });
          process.stdout.write(
            `user ${user.username}: ${user.role}${user.disabled ? ", disabled" : ""}\n`,
          );
        });
      },
    );
  users
    .command("list")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }) => {
      await withStore(globals(), async (store) => {
        const all = await store.access.listUsers();
        if (options.json) return printJson(all);
        for (const u of all)
          process.stdout.write(
            `${u.username}\t${u.role}\t${u.agency ?? ""}\t${u.disabled ? "disabled" : "active"}\n`,
          );
      });
    });

  const keys = program
    .command("keys")
    .description("API keys (sent as 'Authorization: ApiKey <key>')");
  keys
    .command("create <username>")
    .description("make a key for a user; the key is printed once and stored only as a hash")
    .requiredOption("--name <name>", "what the key is for")
    .option("--role <role>", "at most the user's role")
    .option("--collection <name...>", "limit the key to these collections")
    .option("--expires-in-days <n>", "days until the key stops working")
    .action(
      async (
        username: string,
        options: { name: string; role?: string; collection?: string[]; expiresInDays?: string },
      ) => {
        await withStore(globals(), async (store) => {
          const { key, secret } = await createApiKey(store.access, {
            username,
            name: options.name,
            role: options.role,
            collections: options.collection,
            expiresInDays:
              options.expiresInDays === undefined
                ? undefined
                : wholeNumber(options.expiresInDays, "keys create: --expires-in-days"),
          });
          await audited(store, {
            action: "key.create",
            target: key.id,
            detail: { username, role: key.role, name: key.name },
          });
          process.stderr.write(
            `key ${key.id} for ${username} (${key.role}); it is shown only now:\n`,
          );
          process.stdout.write(`${secret}\n`);
        });
      },
    );
  keys
    .command("list [username]")
    .option("--json", "print JSON")
    .action(async (username: string | undefined, options: { json?: boolean }) => {
      await withStore(globals(), async (store) => {
        const all = await store.access.listApiKeys(username);
        if (options.json) return printJson(all);
        for (const k of all)
          process.stdout.write(
            `${k.id}\t${k.username}\t${k.role}\t${k.hint}…\t${k.name}\t${k.revokedAt ? "revoked" : k.expiresAt ? `expires ${k.expiresAt}` : "active"}\n`,
          );
      });
    });
  keys.command("revoke <id>").action(async (id: string) => {
    await withStore(globals(), async (store) => {
      if (!(await store.access.revokeApiKey(id)))
        throw new NotFoundError(`keys: no active key '${id}'`);
      await audited(store, { action: "key.revoke", target: id, detail: {} });
      process.stdout.write(`key ${id} revoked\n`);
    });
  });

  const collections = program
    .command("collections")
    .description("who may read lists, ledgers and document sets");
  collections
    .command("list")
    .option("--json", "print JSON")
    .action(async (options: { json?: boolean }) => {
      await withStore(globals(), async (store) => {
        const [all, grants] = await Promise.all([
          store.access.listCollections(),
          store.access.listGrants(),
        ]);
        if (options.json) return printJson({ collections: all, grants });
        for (const c of all) {
          const granted = grants
            .filter((g) => g.collection === c.name)
            .map((g) => `${g.grantee}:${g.access}`);
          process.stdout.write(
            `${c.name}\t${c.public ? "public" : "private"}\t${granted.join(" ")}\n`,
          );
        }
      });
    });
  collections
    .command("grant <collection> <grantee> <access>")
    .description("grant user:<name> or agency:<name> read or write")
    .action(async (collection: string, grantee: string, level: string) => {
      await withStore(globals(), async (store) => {
        await grantCollection(store.access, collection, grantee, level);
        await audited(store, {
          action: "grant",
          target: collection,
          detail: { grantee, access: level },
        });
        process.stdout.write(`${grantee} may ${level} ${collection}\n`);
      });
    });
  collections
    .command("revoke <collection> <grantee>")
    .action(async (collection: string, grantee: string) => {
      await withStore(globals(), async (store) => {
        if (!(await store.access.revokeGrant(collection, grantee)))
          throw new NotFoundError(`collections: no grant on '${collection}' for '${grantee}'`);
        await audited(store, { action: "grant.revoke", target: collection, detail: { grantee } });
        process.stdout.write(`${grantee} no longer has ${collection}\n`);
      });
    });
  collections
    .command("public <collection> <yes-or-no>")
    .description("make a collection readable by every signed-in user, or not")
    .action(async (collection: string, answer: string) => {
      if (answer !== "yes" && answer !== "no")
        throw new InvalidInputError("collections public: yes or no");
      await withStore(globals(), async (store) => {
        await store.access.setCollectionPublic(collection, answer === "yes");
        await audited(store, {
          action: "collection.public",
          target: collection,
          detail: { public: answer === "yes" },
        });
        process.stdout.write(`${collection}: ${answer === "yes" ? "public" : "private"}\n`);
      });
    });
  registerAuditCommands(program);
}
