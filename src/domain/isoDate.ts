/**
 * Legal dates are calendar dates written `YYYY-MM-DD` and compared as strings.
 * They are never turned into a JS `Date`, which would read them as UTC midnight
 * and show the day before in any zone west of Greenwich.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * True when `text` is a `YYYY-MM-DD` date that exists in the Gregorian calendar.
 *
 * @example
 * isIsoDate("2021-05-25"); // true
 * isIsoDate("2021-02-30"); // false
 */
export function isIsoDate(text: string): boolean {
  // Read by character codes, not by a regular expression: a screen checks a date on every row.
  if (text.length !== 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH)
    return false;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 7);
  const day = digitsAt(text, 8, 10);
  return month >= 1 && month <= 12 && day >= 1 && year >= 0 && day <= daysInMonth(year, month);
}

const DASH = 45;

/** The number the ASCII digits of `text` from `from` to `to` write, or -1 if one is not a digit. */
function digitsAt(text: string, from: number, to: number): number {
  let value = 0;
  for (let at = from; at < to; at++) {
    const digit = text.charCodeAt(at) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Why `text` is not a valid date, or `undefined` when it is one.
 *
 * @example
 * isoDateProblem("2021-02-30"); // '"2021-02-30" is not a real calendar date'
 */
export function isoDateProblem(text: string): string | undefined {
  if (isIsoDate(text)) return undefined;
  if (!ISO_DATE.test(text)) return `"${text}" is not a date of the form YYYY-MM-DD`;
  return `"${text}" is not a real calendar date`;
}

/**
 * The number of days in a month of the Gregorian calendar.
 *
 * @example
 * daysInMonth(2024, 2); // 29
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * Calendar days from `from` to `to` (negative when `to` is earlier), by pure arithmetic on the
 * calendar, with no `Date` and so no time zone.
 *
 * @example
 * daysBetween("2021-01-14", "2021-03-15"); // 60
 */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * The last day of the month of `date`.
 *
 * @example
 * lastDayOfMonth("2021-06-01"); // "2021-06-30"
 */
export function lastDayOfMonth(date: IsoDate): IsoDate {
  const [year, month] = date.split("-").map(Number) as [number, number];
  return `${date.slice(0, 7)}-${String(daysInMonth(year, month)).padStart(2, "0")}`;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function dayNumber(date: IsoDate): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/**
 * The date `days` calendar days after `date` (before it when negative), without `Date`.
 *
 * @example
 * addDays("2021-01-14", 60); // "2021-03-15"
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  // H. Hinnant's civil_from_days.
  const z = dayNumber(date) + days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}
