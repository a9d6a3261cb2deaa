import type { IsoDate } from "../domain/isoDate.js";

/**
 * Today's date on the user's own calendar (local time zone), as `YYYY-MM-DD`.
 * Not `toISOString()`, which gives the UTC date and may be a day off.
 */
export function today(now: Date = new Date()): IsoDate {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
