/** What the milestone chart of a progetto shows: dated marks and deadline windows. */
import { addDays, daysBetween, earliest, type IsoDate, latest } from "./dates";
import {
  type Deadline,
  type DeadlineStatus,
  type Deadlines,
  deadlineStatus,
  describeStatus,
} from "./deadlines";
import { formatMonth } from "./format";
import type { Policy } from "./policy";
import type { TimelineEntry } from "./timeline";

/**
 * How a deadline window is drawn: met (the step came by the due day), open, at risk (within
 * the policy's days), missed (the due day passed without the step, or the step came late).
 */
export type WindowStatus = "met" | "open" | "at-risk" | "missed";

export const WINDOW_STATUS_WORDS: Record<WindowStatus, string> = {
  met: "rispettata",
  open: "aperta",
  "at-risk": "a rischio",
  missed: "scaduta o rispettata in ritardo",
};

export const WINDOW_STATUSES = Object.keys(WINDOW_STATUS_WORDS) as WindowStatus[];

export function windowStatus(status: DeadlineStatus): WindowStatus {
  switch (status.kind) {
    case "met-on-time":
      return "met";
    case "open":
      return "open";
    case "at-risk":
      return "at-risk";
    case "met-late":
    case "overdue":
      return "missed";
  }
}

export interface Milestone {
  date: IsoDate;
  label: string;
  /** Reached after the deadline it answered. */
  late: boolean;
}

export interface DeadlineWindow {
  kind: Deadline["kind"];
  label: string;
  from: IsoDate;
  to: IsoDate;
  /** The original end when an extension moved it. */
  originalTo: IsoDate | null;
  status: WindowStatus;
  /** The status in words, with its days (describeStatus). */
  statusText: string;
}

export interface MilestoneChart {
  start: IsoDate;
  end: IsoDate;
  today: IsoDate;
  milestones: Milestone[];
  windows: DeadlineWindow[];
}

/**
 * From the timeline and deadlines: the contract window runs from the notification to the
 * contract deadline, the completion window from the contract (or its deadline) onwards; each
 * window has the status the policy gives its deadline. The contract and the conclusion are
 * milestones too, late when after the deadline they answer.
 */
export function milestoneChart(
  timeline: readonly TimelineEntry[],
  deadlines: Deadlines,
  notifiedOn: IsoDate | null,
  contractedOn: IsoDate | null,
  policy: Policy,
): MilestoneChart | null {
  const { today } = policy;
  const dated = timeline.filter((t): t is TimelineEntry & { date: IsoDate } => t.date !== null);
  if (dated.length === 0) return null;
  // A determina after the contract deadline in force came late.
  const lateness = (key: string, date: IsoDate) =>
    key.startsWith("determina:") && deadlines.contract !== null && date > deadlines.contract.due;
  const milestones = dated.map((t) => ({
    date: t.date,
    label: t.title,
    late: lateness(t.key, t.date),
  }));
  const windows: DeadlineWindow[] = [];
  const { contract, completion } = deadlines;
  const judged = (deadline: Deadline) => {
    const status = deadlineStatus(deadline, policy);
    return { status: windowStatus(status), statusText: describeStatus(status) };
  };
  if (contractedOn)
    milestones.push({
      date: contractedOn,
      label: "Contratto con il fornitore",
      late: contract !== null && contractedOn > contract.due,
    });
  if (contract && notifiedOn) {
    windows.push({
      kind: "contract",
      label: "Finestra per contrattualizzare",
      from: notifiedOn,
      to: contract.due,
      originalTo: contract.extended ? contract.originalDue : null,
      ...judged(contract),
    });
  }
  if (completion) {
    if (completion.metOn)
      milestones.push({
        date: completion.metOn,
        label: "Attività concluse",
        late: completion.metOn > completion.due,
      });
    windows.push({
      kind: "completion",
      label: completion.projected ? "Finestra per completare (stimata)" : "Finestra per completare",
      from: contractedOn ?? contract?.due ?? completion.due,
      to: completion.due,
      originalTo: completion.extended ? completion.originalDue : null,
      ...judged(completion),
    });
  }
  const dates = [
    ...milestones.map((m) => m.date),
    ...windows.flatMap((w) => [w.from, w.to]),
    today,
  ];
  const first = earliest(dates) ?? today;
  const last = latest(dates) ?? today;
  // A margin on both sides keeps the first and last marks off the chart's edges.
  const margin = Math.max(15, Math.round(daysBetween(first, last) * 0.03));
  return {
    start: addDays(first, -margin),
    end: addDays(last, margin),
    today,
    // Stable: on one day, the timeline's order first, then the contract and conclusion.
    milestones: milestones.sort((a, b) => a.date.localeCompare(b.date)),
    windows,
  };
}

/** Calendar date to a day number, for a linear time axis. */
export function dayNumber(date: IsoDate): number {
  return (
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) /
    86_400_000
  );
}

/** Ticks on the first day of every `step` months between two dates, labelled "gen 2023". */
export function monthTicks(
  start: IsoDate,
  end: IsoDate,
  step: number,
): { day: number; label: string }[] {
  const ticks: { day: number; label: string }[] = [];
  let year = Number(start.slice(0, 4));
  // Start's month is 1-based, so as a 0-based index it names the following month.
  let month = Number(start.slice(5, 7));
  if (month === 12) {
    month = 0;
    year += 1;
  }
  while (true) {
    const date = `${year}-${String(month + 1).padStart(2, "0")}-01`;
    if (date > end) break;
    if (month % step === 0) ticks.push({ day: dayNumber(date), label: formatMonth(month, year) });
    month += 1;
    if (month === 12) {
      month = 0;
      year += 1;
    }
  }
  return ticks;
}
