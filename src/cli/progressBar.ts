/** What a long task reports as it goes. */
export interface Progress {
  advance(bytes: number, events: number): void;
  finish(): void;
}

const SILENT: Progress = { advance: () => {}, finish: () => {} };

/**
 * A progress bar on stderr for work over `totalBytes` of log files: share done, events per
 * second and time left, redrawn at most ten times a second, erased when done. Nothing at all when
 * stderr is not a terminal, or for small work (under a megabyte). `now` is the clock, in
 * milliseconds (tests pass their own).
 *
 * @example
 * const progress = progressBar(totalBytes);
 * progress.advance(fileBytes, fileEvents); ... progress.finish();
 */
export function progressBar(
  totalBytes: number,
  stream: NodeJS.WriteStream = process.stderr,
  now: () => number = Date.now,
): Progress {
  if (!stream.isTTY || totalBytes < 1_000_000) return SILENT;
  const started = now();
  let bytes = 0;
  let events = 0;
  let drawn = 0;
  const draw = () => {
    const seconds = (now() - started) / 1000;
    const share = Math.min(1, bytes / totalBytes);
    const rate = seconds > 0 ? events / seconds : 0;
    const left = share > 0 ? (seconds / share) * (1 - share) : 0;
    const width = 24;
    const bar = "#".repeat(Math.round(share * width)).padEnd(width, "-");
    stream.write(
      `\r[${bar}] ${(share * 100).toFixed(0).padStart(3)}%  ${Math.round(rate).toLocaleString("en-US")} events/s  ${left.toFixed(0)} s left `,
    );
  };
  return {
    advance(moreBytes, moreEvents) {
      bytes += moreBytes;
      events += moreEvents;
      if (now() - drawn >= 100) {
        drawn = now();
        draw();
      }
    },
    finish() {
      stream.write("\r\u001b[2K");
    },
  };
}
