/** What an operating system error code means, in words. */
const CAUSES: Record<string, string> = {
  ENOENT: "no such file or folder",
  ENOTDIR: "a part of the path is not a folder",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "it is a folder, not a file",
  ENAMETOOLONG: "the name is too long",
  ENOSPC: "no space left on the device",
  EROFS: "the file system is read-only",
  EMFILE: "too many files open",
  ELOOP: "too many levels of symbolic links",
  EEXIST: "it exists already",
  EPIPE: "the reader went away",
  EBUSY: "the resource is busy",
  EIO: "input/output error",
  ERR_FS_FILE_TOO_LARGE: "the file is too large to read",
  ERR_STRING_TOO_LONG: "the text is too large to hold",
};

/**
 * An operating system error (or Node's refusal of a file too large) as a user's message naming
 * the path and the cause; `undefined` for any other error.
 *
 * @example
 * osErrorText(Object.assign(new Error("..."), { code: "ENOSPC", syscall: "write", path: "/dev/full" }));
 * // "cannot write /dev/full: no space left on the device (ENOSPC)"
 */
export function osErrorText(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const { code, syscall, path, dest } = error as NodeJS.ErrnoException & { dest?: string };
  if (typeof code !== "string" || !(code in CAUSES || /^E[A-Z0-9]+$/.test(code))) return undefined;
  const cause = CAUSES[code] ?? error.message;
  const where = [path, dest].filter((p): p is string => typeof p === "string").join(" -> ");
  const action = typeof syscall === "string" ? `cannot ${syscall}` : "";
  const subject = [action, where].filter((part) => part !== "").join(" ");
  return subject === "" ? `${cause} (${code})` : `${subject}: ${cause} (${code})`;
}
