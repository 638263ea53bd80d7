#!/usr/bin/env node
// Runs the TypeScript sources through tsx so that `npx moneytrail` works right after `npm install`
// with no separate build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv);
