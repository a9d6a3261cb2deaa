import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const LAYERS = ["domain", "store", "replay", "query", "simulate", "report", "export", "app"];
const ENTRY_POINTS = ["src/index.ts", ...LAYERS.map((layer) => `src/${layer}/index.ts`)];

const program = ts.createProgram(
  ENTRY_POINTS.map((file) => join(ROOT, file)),
  {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: true,
    noEmit: true,
  },
);
const checker = program.getTypeChecker();

/** The symbols an entry point exports, each resolved to what it names. */
function exportsOf(file: string): ts.Symbol[] {
  const source = program.getSourceFile(join(ROOT, file));
  const module = source && checker.getSymbolAtLocation(source);
  if (module === undefined) throw new Error(`${file} is not a module`);
  return checker
    .getExportsOfModule(module)
    .map((symbol) =>
      symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol,
    );
}

function isFunction(symbol: ts.Symbol): boolean {
  return (symbol.flags & ts.SymbolFlags.Function) !== 0;
}

function hasExample(symbol: ts.Symbol): boolean {
  return symbol.getJsDocTags(checker).some((tag) => tag.name === "example");
}

describe("the library's public API", () => {
  it("is grouped by layer: each layer's barrel, and the root exports every one of them", () => {
    const root = new Set(exportsOf("src/index.ts").map((symbol) => symbol.name));
    for (const layer of LAYERS) {
      const names = exportsOf(`src/${layer}/index.ts`).map((symbol) => symbol.name);
      expect(names.length, layer).toBeGreaterThan(0);
      expect(
        names.filter((name) => !root.has(name)),
        layer,
      ).toEqual([]);
    }
  });

  it("keeps what it exported before the layers (and the loader it lacked)", () => {
    const root = new Set(exportsOf("src/index.ts").map((symbol) => symbol.name));
    const expected = [
      ...["readLog", "inspectLog", "appendEvent", "appendEvents", "importDrafts", "readCompanies"],
      ...["replayLog", "replayLogStrict", "replayStream", "foldStream", "applyCorrections"],
      ...["statusAt", "intervalAt", "companyStatus", "companyTimelines", "listStreams"],
      ...["effectsOf", "effectsAt", "caseStats", "changesBetween", "searchCompanies"],
      ...["simulate", "outcomes", "forecast", "readScenario", "readAssumptions"],
      ...["reportHtml", "reportRange", "lifecycleDiagram", "toCsv", "toCloudEvent", "timelineRows"],
      ...["importEdition", "planEdition", "programMembersOn", "loadRecord", "lifecycleMachine"],
      ...["loadTimelines", "loadCompanyTimelines", "timelinesOf", "verifyLog", "exportLog"],
      ...["reportOf", "simulateCompany", "jsonlEventStore"],
    ];
    expect(expected.filter((name) => !root.has(name))).toEqual([]);
  });

  it("documents every public function with an @example", () => {
    const functions = exportsOf("src/index.ts").filter(isFunction);
    expect(functions.length).toBeGreaterThan(100);
    const missing = functions.filter((symbol) => !hasExample(symbol)).map((s) => s.name);
    expect(missing).toEqual([]);
  });
});
