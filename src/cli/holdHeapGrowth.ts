import { setFlagsFromString } from "node:v8";

/**
 * How far V8 lets its heap grow over what the last full collection found alive, in percent.
 * V8's own default grows it up to fourfold while memory is free: a stream of a million rows, each
 * leaving garbage, then peaks far above what it keeps. V8 reads this at every collection, so it
 * can be set once the process runs.
 */
const HEAP_GROWING_PERCENT = 20;

/**
 * Makes this process's heap grow only a little over what is alive (`HEAP_GROWING_PERCENT`): for a
 * command that streams a file of any length (`screen`), whose memory should not grow with it.
 * The garbage collector then runs more often on a small heap; at these sizes it costs no
 * measurable time (docs/PERFORMANCE.md, the screen's section).
 *
 * @example
 * holdHeapGrowth();
 */
export function holdHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
