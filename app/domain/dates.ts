import dayjs from "dayjs";
import utc from "dayjs/plugin/utc.js";

dayjs.extend(utc);

/** A calendar date as "YYYY-MM-DD". Deadlines are counted in calendar days, so no times. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Rejects 2023-02-30, which a date library would roll over into March. Plain arithmetic:
  // the import checks hundreds of thousands of dates.
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

function parse(date: IsoDate) {
  if (!isIsoDate(date)) throw new RangeError(`Data non valida: ${date}`);
  return dayjs.utc(date);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return parse(date).add(days, "day").format("YYYY-MM-DD");
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return parse(to).diff(parse(from), "day");
}

export function toIsoDate(date: Date): IsoDate {
  return dayjs(date).format("YYYY-MM-DD");
}

export function latest(dates: readonly IsoDate[]): IsoDate | null {
  return dates.reduce<IsoDate | null>((max, d) => (max === null || d > max ? d : max), null);
}

export function earliest(dates: readonly IsoDate[]): IsoDate | null {
  return dates.reduce<IsoDate | null>((min, d) => (min === null || d < min ? d : min), null);
}
