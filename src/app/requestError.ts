/**
 * The request itself is wrong, whatever the log holds: options that contradict each other, or a
 * malformed edit. The CLI answers it as bad usage (exit 2), a server as a 400.
 */
export class RequestError extends Error {
  override readonly name = "RequestError";
}
