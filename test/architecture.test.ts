import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cruise, type ICruiseResult } from "dependency-cruiser";
import { afterAll, describe, expect, it } from "vitest";
import { cruiserConfig, diagram, folderEdges, layerOrder } from "../scripts/architecture.js";

const ROOT = join(import.meta.dirname, "..");

/** The rules' violations in a tree of files, cruised as `npm run lint` cruises src/. */
async function violationsIn(baseDir: string): Promise<string[]> {
  const { forbidden } = await cruiserConfig();
  const result = await cruise(["src"], {
    baseDir,
    validate: true,
    ruleSet: { forbidden },
    tsPreCompilationDeps: true,
  });
  const { summary } = result.output as ICruiseResult;
  return summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

const fixtures: string[] = [];
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "designations-layers-"));
  fixtures.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
afterAll(() => fixtures.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe("the layers of src/", () => {
  it("hold in the code: no import runs up or across a layer boundary", async () => {
    expect(await violationsIn(ROOT)).toEqual([]);
  });

  it("are enforced: an arrow the wrong way, file system use in a pure layer and a cycle each fail", async () => {
    const dir = tree({
      "src/domain/model.ts": 'import { run } from "../cli/main.js";\nexport const model = run;\n',
      "src/cli/main.ts": "export const run = 1;\n",
      "src/query/reads.ts":
        'import { readFileSync } from "node:fs";\nexport const r = readFileSync;\n',
      "src/app/a.ts": 'import { b } from "./b.js";\nexport const a = b;\n',
      "src/app/b.ts": 'import { a } from "./a.js";\nexport const b = a;\n',
    });
    const violations = await violationsIn(dir);
    expect(violations).toContain(
      "domain-imports-only-below: src/domain/model.ts → src/cli/main.ts",
    );
    expect(violations).toContain("no-file-system-in-pure-layers: src/query/reads.ts → fs");
    expect(violations.some((v) => v.startsWith("no-circular: src/app/a.ts"))).toBe(true);
  });

  it("are drawn in docs/ARCHITECTURE.md as the code has them (npm run architecture)", async () => {
    const drawn = diagram(await layerOrder(), await folderEdges());
    expect(readFileSync(join(ROOT, "docs", "ARCHITECTURE.md"), "utf8")).toContain(drawn);
  });
});
