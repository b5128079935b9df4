/**
 * The bins of a time axis chosen by its span: days for a few days, weeks for a few weeks,
 * months (every one, two, three… of them) beyond, so that a chart never crowds its labels
 * nor shows one label for a whole axis.
 */
import { addDays, type IsoDate } from "./dates";
import { formatMonth } from "./format";
import { dayNumber, monthTicks } from "./milestones";

export type TimeUnit = "day" | "week" | "month";

export interface TimeTick {
  day: number;
  label: string;
}

export interface TimeAxis {
  unit: TimeUnit;
  /** How many units between two ticks. */
  step: number;
  ticks: TimeTick[];
}

const STEPS: readonly { unit: TimeUnit; step: number }[] = [
  { unit: "day", step: 1 },
  { unit: "day", step: 2 },
  { unit: "week", step: 1 },
  { unit: "week", step: 2 },
  ...[1, 2, 3, 6, 12, 24, 60].map((step) => ({ unit: "month" as const, step })),
];

/** The finest bin whose ticks between start and end are at most maxTicks. */
export function timeAxis(start: IsoDate, end: IsoDate, maxTicks: number): TimeAxis {
  let axis: TimeAxis = { unit: "month", step: 60, ticks: [] };
  for (const { unit, step } of STEPS) {
    axis = { unit, step, ticks: ticksOf(unit, step, start, end, maxTicks) };
    if (axis.ticks.length <= maxTicks) return axis;
  }
  return axis;
}

/** Stops one tick past `limit`: enough to know the step is too fine. */
function ticksOf(
  unit: TimeUnit,
  step: number,
  start: IsoDate,
  end: IsoDate,
  limit: number,
): TimeTick[] {
  if (unit === "month") return monthTicks(start, end, step);
  let first = start;
  // Weeks start on Monday (day 0 of the epoch, 1970-01-01, was a Thursday).
  if (unit === "week") first = addDays(start, (7 - ((dayNumber(start) + 3) % 7)) % 7);
  const days: IsoDate[] = [];
  for (
    let d = first;
    d <= end && days.length <= limit;
    d = addDays(d, unit === "week" ? 7 * step : step)
  )
    days.push(d);
  return days.map((d, i) => {
    const year = d.slice(0, 4);
    const newYear = i === 0 || days[i - 1]?.slice(0, 4) !== year;
    const label = formatMonth(Number(d.slice(5, 7)) - 1, Number(year));
    return {
      day: dayNumber(d),
      label: `${Number(d.slice(8, 10))} ${newYear ? label : label.slice(0, label.indexOf(" "))}`,
    };
  });
}
