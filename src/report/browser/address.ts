/**
 * The page's address keeps the cursor's date and the filters
 * (`#at=2021-04-01&q=xiaomi&list=dod-1237&status=enjoined&group=1`), so that a reload or a
 * shared link opens the same view.
 */
import type { PageState } from "./state.js";

/**
 * The address fragment for the state's cursor and filters.
 *
 * @example
 * addressOf(state); // "#at=2021-04-01&q=xiaomi&group=1"
 */
export function addressOf(state: PageState): string {
  const { cursor, filters } = state;
  let address = `#at=${cursor}`;
  if (filters.text) address += `&q=${encodeURIComponent(filters.text)}`;
  if (filters.program) address += `&list=${encodeURIComponent(filters.program)}`;
  if (filters.status) address += `&status=${filters.status}`;
  if (filters.grouped) address += "&group=1";
  return address;
}

/**
 * Writes the state into the page's address, without adding to the history.
 *
 * @example
 * remember(state);
 */
export function remember(state: PageState): void {
  history.replaceState(null, "", addressOf(state));
}

/**
 * What the page's address holds: `at`, `q`, `list`, `status` and `group`.
 *
 * @example
 * savedView().get("at"); // "2021-04-01"
 */
export function savedView(): URLSearchParams {
  return new URLSearchParams(location.hash.slice(1));
}
