import type { HeadlineStatus } from "../domain/lifecycleState.js";

/**
 * The colour of each headline status in the report: distinct in hue and lightness, so that the
 * statuses stay apart for most colour-vision deficiencies and in greyscale print.
 */
export const STATUS_COLORS: Readonly<Record<HeadlineStatus, string>> = {
  unlisted: "#e0e0e0",
  listed: "#c62828",
  challenged: "#f59e0b",
  enjoined: "#1e63b8",
  settled: "#8e5cc4",
  vacated: "#2e9d4a",
  delisted: "#7fc6cf",
};

/** What each status means, for the legend. */
export const STATUS_MEANINGS: Readonly<Record<HeadlineStatus, string>> = {
  unlisted: "not on the list",
  listed: "on the list, not challenged in court",
  challenged: "on the list, a court challenge pending",
  enjoined: "a court has enjoined the designation",
  settled: "the parties settled",
  vacated: "a court vacated the designation",
  delisted: "taken off the list",
};
