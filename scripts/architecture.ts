/**
 * Draws the layers of src/ from the code's own imports (dependency-cruiser), as a Mermaid
 * flowchart of folders with an arrow for each folder that imports another, and writes it into
 * docs/ARCHITECTURE.md between its markers. `--check` exits 1 when the document's diagram is not
 * the one the code draws.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cruise, type IConfiguration, type ICruiseResult } from "dependency-cruiser";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";

const ROOT = join(import.meta.dirname, "..");
const DOC = join(ROOT, "docs", "ARCHITECTURE.md");
const START = "<!-- diagram: npm run architecture -->";
const END = "<!-- end of diagram -->";

/** The layering rules of `npm run lint`: .dependency-cruiser.mjs. */
export async function cruiserConfig(): Promise<IConfiguration> {
  return (await cruiserModule()).default;
}

/** The layers, lowest first, as .dependency-cruiser.mjs orders them. */
export async function layerOrder(): Promise<string[]> {
  return Object.keys((await cruiserModule()).layers);
}

function cruiserModule(): Promise<{ default: IConfiguration; layers: Record<string, string[]> }> {
  return import(join(ROOT, ".dependency-cruiser.mjs"));
}

/** Folder-to-folder import counts within src/, e.g. "cli app" → 31. */
export async function folderEdges(baseDir = ROOT): Promise<Map<string, number>> {
  const result = await cruise(
    ["src"],
    {
      baseDir,
      tsPreCompilationDeps: true,
      doNotFollow: { path: "node_modules" },
      exclude: { path: "^src/index\\.ts$" },
    },
    {},
    { tsConfig: extractTSConfig(join(ROOT, "tsconfig.json")) },
  );
  const edges = new Map<string, number>();
  for (const module of (result.output as ICruiseResult).modules) {
    const from = folderOf(module.source);
    for (const dependency of module.dependencies) {
      const to = folderOf(dependency.resolved);
      if (from === undefined || to === undefined || from === to) continue;
      const key = `${from} ${to}`;
      edges.set(key, (edges.get(key) ?? 0) + 1);
    }
  }
  return edges;
}

function folderOf(path: string): string | undefined {
  return /^src\/([^/]+)\//.exec(path)?.[1];
}

/** The Mermaid flowchart: layers top (cli) to bottom (domain), each arrow labelled with its imports. */
export function diagram(layers: readonly string[], edges: ReadonlyMap<string, number>): string {
  const arrows = [...edges]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, count]) => {
      const [from, to] = key.split(" ");
      return `  ${from} -->|${count}| ${to}`;
    });
  return [
    "```mermaid",
    "flowchart TD",
    ...[...layers].reverse().map((l) => `  ${l}`),
    ...arrows,
    "```",
  ].join("\n");
}

async function main(): Promise<void> {
  const drawn = diagram(await layerOrder(), await folderEdges());
  const text = readFileSync(DOC, "utf8");
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${DOC} has no diagram markers`);
  const next = `${text.slice(0, start + START.length)}\n${drawn}\n${text.slice(end)}`;
  if (process.argv.includes("--check")) {
    if (next !== text) {
      console.error(`${DOC}: the diagram is out of date; run npm run architecture`);
      process.exitCode = 1;
    }
    return;
  }
  writeFileSync(DOC, next);
  console.log(`wrote the diagram of ${edges(drawn)} arrows into ${DOC}`);
}

function edges(drawn: string): number {
  return drawn.split("\n").filter((line) => line.includes("-->")).length;
}

if (process.argv[1] === import.meta.filename) await main();
