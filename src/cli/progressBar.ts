/** What a long task reports as it goes. */
export interface Progress {
  /** `work` more units of the total done, `items` more things counted for the rate. */
  advance(work: number, items: number): void;
  /** Erases the bar, if it was drawn. */
  finish(): void;
}

/** Where a progress bar is drawn: stderr, or a test's stand-in. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface ProgressOptions {
  /** Where to draw (default stderr); nothing is drawn unless it is a terminal. */
  stream?: ProgressStream;
  /** The clock, in milliseconds (default `Date.now`; tests pass their own). */
  now?: () => number;
  /** What the rate counts, e.g. "events" (the default) or "runs". */
  items?: string;
  /** Nothing is drawn for a total under this (default 0). */
  minimum?: number;
  /** Nothing is drawn until the work has taken this long, in milliseconds (default 0). */
  after?: number;
}

const SILENT: Progress = { advance: () => {}, finish: () => {} };

/**
 * A progress bar on stderr for work of `total` units (bytes of log files, runs of a forecast):
 * share done, items per second and time left, redrawn at most ten times a second, erased when
 * done. Nothing at all when the stream is not a terminal, for a total under `minimum`, or before
 * the work has taken `after` milliseconds.
 *
 * @example
 * const progress = progressBar(totalBytes, { minimum: 1_000_000 });
 * progress.advance(fileBytes, fileEvents); ... progress.finish();
 */
export function progressBar(total: number, options: ProgressOptions = {}): Progress {
  const { stream = process.stderr, now = Date.now, items = "events" } = options;
  if (!stream.isTTY || total <= 0 || total < (options.minimum ?? 0)) return SILENT;
  const started = now();
  const after = options.after ?? 0;
  let done = 0;
  let counted = 0;
  let drawn: number | undefined;
  const draw = (time: number) => {
    const seconds = (time - started) / 1000;
    const share = Math.min(1, done / total);
    const rate = seconds > 0 ? counted / seconds : 0;
    const left = share > 0 ? (seconds / share) * (1 - share) : 0;
    const width = 24;
    const bar = "#".repeat(Math.round(share * width)).padEnd(width, "-");
    stream.write(
      `\r[${bar}] ${(share * 100).toFixed(0).padStart(3)}%  ${Math.round(rate).toLocaleString("en-US")} ${items}/s  ${left.toFixed(0)} s left `,
    );
  };
  return {
    advance(work, more) {
      done += work;
      counted += more;
      const time = now();
      if (time - started < after) return;
      if (drawn === undefined || time - drawn >= 100) {
        drawn = time;
        draw(time);
      }
    },
    finish() {
      if (drawn !== undefined) stream.write("\r\u001b[2K");
    },
  };
}
