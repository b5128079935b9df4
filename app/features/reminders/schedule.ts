/** When reminders are due: pure rules over dates, no I/O. */
import { addDays, daysBetween, type IsoDate } from "../../domain/dates";

/**
 * The reminder a deadline `daysLeft` away is due for: the nearest configured day it has
 * reached. A missed night therefore sends one reminder late, never two at once, and a day
 * already passed is not sent afterwards. Null when no day is reached yet, or the deadline
 * has passed (the coordinators' digest lists those).
 */
export function reminderThreshold(daysLeft: number, days: readonly number[]): number | null {
  if (daysLeft < 0) return null;
  const reached = days.filter((d) => d >= daysLeft);
  return reached.length === 0 ? null : Math.min(...reached);
}

/** The Monday of the week `day` is in: the key of that week's digest. */
export function weekOf(day: IsoDate): IsoDate {
  // 1970-01-05 was a Monday.
  const sinceMonday = ((daysBetween("1970-01-05", day) % 7) + 7) % 7;
  return addDays(day, -sinceMonday);
}
