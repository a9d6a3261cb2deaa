import { closeSync, openSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";

/** The lock was held by a live process for longer than the caller would wait. */
export class LockTimeoutError extends Error {
  override readonly name = "LockTimeoutError";

  constructor(
    readonly lockFile: string,
    readonly holder: string,
    waitedMs: number,
  ) {
    super(
      `could not lock ${lockFile} within ${waitedMs} ms: it is held by ${holder}. If no such process runs, delete the lock file`,
    );
  }
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Runs `work` while holding an exclusive lock across processes: the file `lockFile`, created with
 * O_EXCL and holding the owner's pid. A lock whose owner process is gone (killed mid-append) is
 * broken; breaking is itself guarded so that two waiters never both take the lock.
 *
 * @example
 * withFileLock("events/dod-1237/xiaomi.jsonl.lock", () => appendLine(...));
 */
export function withFileLock<T>(lockFile: string, work: () => T, timeoutMs = 60_000): T {
  acquire(lockFile, timeoutMs);
  try {
    return work();
  } finally {
    rmSync(lockFile, { force: true });
  }
}

/**
 * Takes the lock `withFileLock` takes, for work that spans awaits, and returns its release.
 *
 * @example
 * const release = acquireFileLock("replica/.lock");
 * try { await work(); } finally { release(); }
 */
export function acquireFileLock(lockFile: string, timeoutMs = 60_000): () => void {
  acquire(lockFile, timeoutMs);
  return () => rmSync(lockFile, { force: true });
}

function acquire(lockFile: string, timeoutMs: number): void {
  const started = Date.now();
  let delay = 1;
  for (;;) {
    if (tryCreate(lockFile)) return;
    const holder = holderOf(lockFile);
    // An owner that died, or that died before it could even write its pid.
    const stale = holder === undefined ? isOlderThan(lockFile, 1_000) : !isAlive(holder);
    if (stale && breakStaleLock(lockFile, holder)) continue;
    if (Date.now() - started > timeoutMs) {
      throw new LockTimeoutError(
        lockFile,
        holder === undefined ? "another process" : `process ${holder}`,
        timeoutMs,
      );
    }
    Atomics.wait(pause, 0, 0, delay + Math.random() * delay);
    delay = Math.min(delay * 2, 8);
  }
}

function tryCreate(lockFile: string): boolean {
  let fd: number;
  try {
    fd = openSync(lockFile, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    writeSync(fd, String(process.pid));
  } finally {
    closeSync(fd);
  }
  return true;
}

/** The pid in the lock file; undefined while its owner is still writing it, or once it is gone. */
function holderOf(lockFile: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lockFile, "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes a lock whose owner died. Only one waiter may break it: the one that creates the
 * `.break` file; it removes the lock only if it still names the dead owner. False when another
 * waiter is breaking it: then wait as for a live lock.
 */
function breakStaleLock(lockFile: string, deadHolder: number | undefined): boolean {
  const breakFile = `${lockFile}.break`;
  if (!tryCreate(breakFile)) {
    // Another waiter is breaking it; a breaker that died leaves a file older than a second.
    if (isOlderThan(breakFile, 1_000)) rmSync(breakFile, { force: true });
    return false;
  }
  try {
    if (holderOf(lockFile) === deadHolder) rmSync(lockFile, { force: true });
  } finally {
    rmSync(breakFile, { force: true });
  }
  return true;
}

function isOlderThan(file: string, ms: number): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs > ms;
  } catch {
    return false;
  }
}
