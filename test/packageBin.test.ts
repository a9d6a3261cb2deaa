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
});
