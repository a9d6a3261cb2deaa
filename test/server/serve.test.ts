import { type ChildProcess, spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { MAIN, REPO_ROOT } from "../cli/support/runCli.js";
import { cli } from "./support.js";

/** `designations serve ...` as a child process, resolved once it says where it listens. */
function serve(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; base: string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, ["--import", "tsx", MAIN, "serve", ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const address = /^listening on (http:\/\/\S+)$/m.exec(out)?.[1];
      if (address !== undefined) resolve({ child, base: address, exited });
    });
    void exited.then((code) => reject(new Error(`serve exited ${code}: ${out}${err}`)));
  });
}

describe("designations serve", () => {
  it("listens on 127.0.0.1, answers as the CLI does, and exits 0 on SIGTERM", async () => {
    const { child, base, exited } = await serve(["--port", "0"]);
    try {
      expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${base}/companies/xiaomi/status?at=2021-04-01`);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(
        cli(["status", "xiaomi", "--at", "2021-04-01", "--json"]).stdout.trimEnd(),
      );
      const write = await fetch(`${base}/streams/xiaomi/dod-1237/events`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      expect(write.status).toBe(403); // started without DESIGNATIONS_WRITE_TOKEN: read-only
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
  });

  it("bad usage and a missing events folder are told at once", () => {
    expect(cli(["serve", "--port", "http"]).stderr).toContain('--port: "http" is not a port');
    const missing = cli(["serve", "--events", "/nonexistent/events"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("no such events folder");
  });
});
