/**
 * The load generator of bench:screening, in a process of its own: run in the bench's process it
 * would share a heap grown by the screening run and the brute-force scan, and that heap's garbage
 * collections would pause the clock that times the server's answers.
 *
 * Usage: match-load.ts <url> <bodies.json> <warm-up seconds> <seconds>; prints autocannon's
 * result as JSON on stdout.
 */
import { readFileSync } from "node:fs";
import autocannon from "autocannon";

const [url, bodiesFile, warmUp, seconds] = process.argv.slice(2);
if (!url || !bodiesFile || !warmUp || !seconds)
  throw new Error("usage: match-load.ts <url> <bodies.json> <warm-up seconds> <seconds>");
const bodies = JSON.parse(readFileSync(bodiesFile, "utf8")) as string[];
let next = 0;
const load = (duration: number): Promise<autocannon.Result> =>
  autocannon({
    url,
    connections: 50,
    duration,
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }),
      },
    ],
  });
// A few seconds of the same load first: a server that has run a while has compiled its hot
// paths, and the first requests of a fresh process would measure the compiler, not the server.
await load(Number(warmUp));
const result = await load(Number(seconds));
process.stdout.write(JSON.stringify(result));
