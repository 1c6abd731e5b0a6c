// `npm start` and `npm run worker` (`node scripts/launch.mjs start|worker [flags]`): compiles the
// portal's scripts when their sources changed (scripts/compile-server.mjs, in a process of its own
// that exits: esbuild stays out of this one), then runs the compiled entry in this process. So the
// process npm starts is the one that serves (or supervises, with the embedded PostgreSQL), with no
// tsx loader and no process in between; npm's SIGTERM reaches it through the script's `exec`.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { compiledDir } from "./compile-server.mjs";

const entry = process.argv[2];
if (entry !== "start" && entry !== "worker") {
  console.error("usage: node scripts/launch.mjs start|worker [flags]");
  process.exit(2);
}
const compiler = fileURLToPath(new URL("./compile-server.mjs", import.meta.url));
// Beside an instance serving these files (--no-build), what is compiled is used as it is.
const compile = spawnSync(
  process.execPath,
  [compiler, ...(process.argv.includes("--no-build") ? ["--if-missing"] : [])],
  { stdio: "inherit" },
);
if (compile.status !== 0) process.exit(compile.status ?? 1);
await import(pathToFileURL(path.join(compiledDir(), `${entry}.mjs`)).href);
