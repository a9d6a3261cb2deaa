import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}/package.json`, "utf8")) as {
  bin: Record<string, string>;
  exports: Record<string, { import: string }>;
};

describe("the package", () => {
  beforeAll(() => {
    // What `npm install` does through the prepare script (`npm run build`): the library, then the bin.
    execFileSync(
      process.execPath,
      [`${root}/node_modules/typescript/bin/tsc`, "-p", "tsconfig.build.json"],
      {
        cwd: root,
      },
    );
    execFileSync(process.execPath, ["--import", "tsx", `${root}/scripts/bundleCli.ts`], {
      cwd: root,
    });
  }, 120_000);

  it("has a bin bundled with its dependencies: it loads none of their CommonJS modules from node_modules", () => {
    expect(pkg.bin.designations).toBe("dist/bin/designations.js");
    const cache = mkdtempSync(join(tmpdir(), "bin-cache-"));
    try {
      const result = spawnSync(
        process.execPath,
        [`${root}/${pkg.bin.designations}`, "screen", "examples/blotter.csv", "--format", "jsonl"],
        {
          cwd: root,
          encoding: "utf8",
          env: { ...process.env, DESIGNATIONS_CACHE: cache, NODE_DEBUG: "module" },
        },
      );
      expect(result.status).toBe(0);
      const rows = result.stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as { verdict: string });
      expect(rows.map((row) => row.verdict)).toContain("prohibited");
      // Node's module debugging names each CommonJS module it resolves: from the source tree's
      // build, the CLI loads xstate, cloudevents and uuid from node_modules; the bin, none.
      expect(result.stderr).toContain("dist/bin/");
      expect(result.stderr).not.toContain("node_modules/");
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });

  it("serves from the bin: the server, Fastify and Swagger UI are loaded when serve asks", async () => {
    const child = spawn(
      process.execPath,
      [`${root}/${pkg.bin.designations}`, "serve", "--port", "0"],
      {
        cwd: root,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    try {
      const base = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          const address = /^listening on (http:\/\/\S+)$/m.exec(out)?.[1];
          if (address !== undefined) resolve(address);
        });
        child.on("exit", (code) => reject(new Error(`serve exited ${code}: ${out}`)));
      });
      const status = await fetch(`${base}/companies/xiaomi/status?at=2021-04-01`);
      expect(status.status).toBe(200);
      expect(((await status.json()) as { streams: { status: string }[] }).streams[0]?.status).toBe(
        "enjoined",
      );
      const docs = await fetch(`${base}/docs/static/swagger-ui.css`);
      expect(docs.status).toBe(200);
    } finally {
      child.kill("SIGTERM");
    }
  });

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
