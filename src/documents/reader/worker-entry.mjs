// Worker threads do not inherit the tsx loader the CLI registers; this entry registers it and
// loads the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
