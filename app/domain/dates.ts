import dayjs from "dayjs";

/** A calendar date as "YYYY-MM-DD". Deadlines are counted in calendar days, so no times. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Rejects 2023-02-30, which a date library would roll over into March. Plain arithmetic:
  // the import checks hundreds of thousands of dates.
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number));
}

/** Days since 1970-01-01 (UTC): plain arithmetic, since deadlines are counted for whole
 * Unioni at every page view and a date library's objects cost more than the rest. */
function dayIndex(date: IsoDate): number {
  if (!isIsoDate(date)) throw new RangeError(`Data non valida: ${date}`);
  return (
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) /
    86_400_000
  );
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date((dayIndex(date) + days) * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayIndex(to) - dayIndex(from);
}

export function toIsoDate(date: Date): IsoDate {
  return dayjs(date).format("YYYY-MM-DD");
}

/** The latest date (or ISO timestamp); missing values are left out. */
export function latest(dates: readonly (IsoDate | null | undefined)[]): IsoDate | null {
  return dates.reduce<IsoDate | null>((max, d) => (d && (max === null || d > max) ? d : max), null);
}

export function earliest(dates: readonly IsoDate[]): IsoDate | null {
  return dates.reduce<IsoDate | null>((min, d) => (min === null || d < min ? d : min), null);
}

/** Last Sunday of a month at 01:00 UTC: when EU summer time starts (March) or ends (October). */
function lastSundayOneUtc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/**
 * The calendar day in Italy at an instant, by the EU summer-time rule (in force since 1996).
 * Arithmetic instead of Intl: the import converts hundreds of thousands of timestamps.
 */
export function italianDayOf(instant: number): IsoDate {
  const year = new Date(instant).getUTCFullYear();
  const summer = instant >= lastSundayOneUtc(year, 2) && instant < lastSundayOneUtc(year, 9);
  return new Date(instant + (summer ? 2 : 1) * 3_600_000).toISOString().slice(0, 10);
}
