/**
 * The binary search behind every status lookup: over the packed start dates of a timeline's
 * sorted `[from, to)` intervals, the last one that starts on or before a date. It imports
 * nothing and touches no DOM, so that `statusAt` and the report page's script (bundled for the
 * browser) share this one implementation.
 */

/**
 * `2021-04-01` as 20210401: integers in the same order as the dates, cheaper to compare than
 * strings.
 *
 * @example
 * packedDate("2021-04-01"); // 20210401
 */
export function packedDate(date: string): number {
  let packed = 0;
  for (let index = 0; index < 10; index += 1) {
    const code = date.charCodeAt(index);
    if (code !== 45) packed = packed * 10 + (code - 48);
  }
  return packed;
}

/**
 * The packed start dates of sorted intervals, in their order: what `lastStartOnOrBefore`
 * searches.
 *
 * @example
 * packedStarts([{ from: "2021-01-14" }, { from: "2021-03-12" }]); // Int32Array [20210114, 20210312]
 */
export function packedStarts(intervals: readonly { readonly from: string }[]): Int32Array {
  return Int32Array.from(intervals, (interval) => packedDate(interval.from));
}

/**
 * The index of the last start on or before `day` (both packed, the starts sorted), or -1 when
 * every start is after it: the interval in force on that day, the whole day counting.
 *
 * @example
 * lastStartOnOrBefore(packedStarts(intervals), packedDate("2021-04-01")); // 1
 */
export function lastStartOnOrBefore(starts: ArrayLike<number>, day: number): number {
  let low = 0;
  let high = starts.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if ((starts[middle] as number) <= day) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}
