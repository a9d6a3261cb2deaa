/**
 * Bundles the command line (src/cli/main.ts) with esbuild into dist/bin/designations.js, the
 * package's `designations` bin: one module for what every command loads, instead of some 300
 * files each resolved and compiled on every start. What is loaded only on need stays apart:
 * `serve`'s HTTP server and the PostgreSQL store are their own chunks beside it, and Fastify,
 * its plugins and node-postgres are imported from node_modules as they are (Swagger UI serves
 * its files from its own folder). zod is imported from node_modules too: bundled, its
 * validators left far more garbage behind, and `verify` of a 3,000,000-event log peaked at about
 * twice the memory it takes when Node loads zod itself. `npm run build` runs it last.
 *
 *   tsx scripts/bundleCli.ts
 */
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
/** Two folders deep, as src/cli is: `DEFAULT_EVENTS_DIR` is `../../events` from either. */
const OUT_DIR = "dist/bin";

rmSync(`${root}/${OUT_DIR}`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { designations: "src/cli/main.ts" },
  outdir: OUT_DIR,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: ["fastify", "@fastify/*", "fastify-type-provider-zod", "pg", "zod"],
  // CommonJS dependencies bundled into an ES module still call `require` for Node's own modules.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
  logLevel: "warning",
});
process.stdout.write(`wrote ${OUT_DIR}/designations.js\n`);
