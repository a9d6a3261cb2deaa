import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LockTimeoutError, withFileLock } from "../../src/store/fileLock.js";
import { makeTempDir, removeDir } from "./support/logFixtures.js";

let dir: string;
let lock: string;

beforeEach(() => {
  dir = makeTempDir("designations-lock-");
  lock = join(dir, "acme.jsonl.lock");
});

afterEach(() => {
  removeDir(dir);
});

/** The pid of a process that has exited (its pid is free again, until the system reuses it). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", ""]);
  expect(child.status).toBe(0);
  return child.pid;
}

/** The error `action` throws; fails the test when it throws none. */
function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
}

/** Sets a file's times `ms` milliseconds into the past. */
function age(file: string, ms: number): void {
  const past = new Date(Date.now() - ms);
  utimesSync(file, past, past);
}

describe("withFileLock", () => {
  it("runs the work holding the lock, returns its value, and removes the lock", () => {
    const result = withFileLock(lock, () => {
      expect(readFileSync(lock, "utf8")).toBe(String(process.pid));
      return 42;
    });
    expect(result).toBe(42);
    expect(existsSync(lock)).toBe(false);
  });

  it("releases the lock when the work throws, and passes the error on", () => {
    const failure = new Error("work failed");
    const error = thrown(() =>
      withFileLock(lock, () => {
        throw failure;
      }),
    );
    expect(error).toBe(failure);
    expect(existsSync(lock)).toBe(false);
    expect(withFileLock(lock, () => "again")).toBe("again");
  });

  it("can be taken again and again in turn", () => {
    const order: number[] = [];
    for (let n = 1; n <= 3; n += 1) withFileLock(lock, () => order.push(n));
    expect(order).toEqual([1, 2, 3]);
    expect(existsSync(lock)).toBe(false);
  });

  it("breaks a lock whose owner process is dead, and takes it", () => {
    const pid = deadPid();
    writeFileSync(lock, String(pid));

    const holder = withFileLock(lock, () => readFileSync(lock, "utf8"), 5_000);

    expect(holder).toBe(String(process.pid));
    expect(existsSync(lock)).toBe(false);
    expect(existsSync(`${lock}.break`)).toBe(false);
  });

  it("breaks a dead owner's lock even when a dead breaker left its .break file behind", () => {
    writeFileSync(lock, String(deadPid()));
    writeFileSync(`${lock}.break`, String(deadPid()));
    age(`${lock}.break`, 5_000);

    expect(withFileLock(lock, () => "taken", 5_000)).toBe("taken");
    expect(existsSync(lock)).toBe(false);
    expect(existsSync(`${lock}.break`)).toBe(false);
  });

  it("times out with LockTimeoutError while a live process holds the lock, and leaves it", () => {
    // The parent of this test process lives as long as the test does.
    const live = process.ppid;
    writeFileSync(lock, String(live));
    let ran = false;

    const started = Date.now();
    const error = thrown(() =>
      withFileLock(
        lock,
        () => {
          ran = true;
        },
        150,
      ),
    );

    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    expect(error).toBeInstanceOf(LockTimeoutError);
    expect(error).toMatchObject({
      name: "LockTimeoutError",
      lockFile: lock,
      holder: `process ${live}`,
      message: `could not lock ${lock} within 150 ms: it is held by process ${live}. If no such process runs, delete the lock file`,
    });
    expect(ran).toBe(false);
    expect(readFileSync(lock, "utf8")).toBe(String(live));
  });

  it("times out on a fresh lock file whose owner has not written its pid yet", () => {
    writeFileSync(lock, "");
    const error = thrown(() => withFileLock(lock, () => undefined, 100));
    expect(error).toBeInstanceOf(LockTimeoutError);
    expect(error).toMatchObject({ holder: "another process" });
    expect(existsSync(lock)).toBe(true);
  });

  it("breaks a lock file without a pid once it is more than a second old", () => {
    writeFileSync(lock, "");
    age(lock, 5_000);
    expect(withFileLock(lock, () => "taken", 5_000)).toBe("taken");
    expect(existsSync(lock)).toBe(false);
  });

  it("waits for a live owner to release the lock, then takes it", async () => {
    // A child process takes the lock, holds it for 300 ms and releases it.
    const script = `
      const fs = require("node:fs");
      fs.writeFileSync(${JSON.stringify(lock)}, String(process.pid), { flag: "wx" });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
      fs.rmSync(${JSON.stringify(lock)});
    `;
    const child = spawn(process.execPath, ["-e", script], { stdio: "ignore" });
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    try {
      // Wait until the child holds the lock: the file exists and has its pid (the file is
      // created first and written after, so it can be seen empty for a moment).
      const holds = () => {
        try {
          return readFileSync(lock, "utf8") === String(child.pid);
        } catch {
          return false;
        }
      };
      const deadline = Date.now() + 10_000;
      while (!holds() && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(readFileSync(lock, "utf8")).toBe(String(child.pid));

      const holder = withFileLock(lock, () => readFileSync(lock, "utf8"), 10_000);

      expect(holder).toBe(String(process.pid));
      expect(existsSync(lock)).toBe(false);
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill();
    }
  });

  it("times out, without spinning past its limit, while another waiter breaks a dead owner's lock", () => {
    writeFileSync(lock, String(deadPid()));
    writeFileSync(`${lock}.break`, String(process.pid));
    const error = thrown(() => withFileLock(lock, () => 1, 50));
    expect(error).toBeInstanceOf(LockTimeoutError);
  });
});
