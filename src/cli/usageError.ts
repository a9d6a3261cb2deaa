/** The command line itself is wrong: an unknown command or flag, a missing or bad value. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
