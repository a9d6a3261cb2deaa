import type { IsoDate } from "./isoDate.js";
import type { ScreenAction } from "./screenActions.js";

/** One row of a screened file, read and checked: what it asks of the record. */
export interface ScreenRow {
  /** The row's number among the data rows (1 for the first after the header). */
  row: number;
  /** The line of the file it ends on. */
  line: number;
  /** The company as the row names it: its registry id when the id column has one, else its name. */
  name: string;
  date: IsoDate;
  /** Whether the date is the row's own or the default (`--at`). */
  dateFrom: "row" | "default";
  action?: ScreenAction;
  /** The row's cells by column, as the file has them. */
  fields: Record<string, string>;
  /** The row's CSV text as the file wrote it (no line ending), when it has every column. */
  raw?: string;
}
