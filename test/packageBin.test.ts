import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}/package.json`, "utf8")) as {
  bin: Record<string, string>;
  exports: Record<string, { import: string }>;
};

describe("the package", () => {
  beforeAll(() => {
    // What `npm install` does through the prepare script.
    execFileSync(
      process.execPath,
      [`${root}/node_modules/typescript/bin/tsc`, "-p", "tsconfig.build.json"],
      {
        cwd: root,
      },
    );
  }, 120_000);

  it("has a designations bin that answers from the built code", () => {
    const bin = pkg.bin.designations;
    expect(bin).toBeDefined();
    const result = spawnSync(
      process.execPath,
      [`${root}/${bin}`, "status", "xiaomi", "--at", "2021-04-01", "--json"],
      {
        encoding: "utf8",
      },
    );
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).streams[0]).toMatchObject({
      program: "dod-1237",
      status: "enjoined",
      enforceable: false,
    });
  });

  it("exports the library API from its built entry point", async () => {
    const entry = pkg.exports["."]?.import;
    const api = (await import(`${root}/${entry}`)) as Record<string, unknown>;
    for (const name of [
      "readLog",
      "replayLog",
      "statusAt",
      "companyStatus",
      "companyTimelines",
      "listStreams",
      "lifecycleMachine",
    ]) {
      expect(typeof api[name], name).toBe(name === "lifecycleMachine" ? "object" : "function");
    }
  });

  it("exports each layer as its own entry point, designations/report and designations/simulate among them", async () => {
    const layers = Object.keys(pkg.exports).filter((key) => key !== ".");
    expect(layers).toEqual(expect.arrayContaining(["./report", "./simulate", "./app", "./domain"]));
    const whole = (await import(`${root}/${pkg.exports["."]?.import}`)) as Record<string, unknown>;
    for (const layer of layers) {
      const api = (await import(`${root}/${pkg.exports[layer]?.import}`)) as Record<
        string,
        unknown
      >;
      expect(Object.keys(api).length, layer).toBeGreaterThan(0);
      // Every name a layer exports is the root's too, the same value.
      for (const [name, value] of Object.entries(api))
        expect(whole[name], `${layer} ${name}`).toBe(value);
    }
    const report = (await import(`${root}/${pkg.exports["./report"]?.import}`)) as Record<
      string,
      unknown
    >;
    const simulate = (await import(`${root}/${pkg.exports["./simulate"]?.import}`)) as Record<
      string,
      unknown
    >;
    expect(typeof report.reportHtml).toBe("function");
    expect(typeof simulate.simulate).toBe("function");
  });
});
