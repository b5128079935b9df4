/**
 * The swim-lane timeline of an Unione: one lane per member comune with its milestones and
 * deadline windows on one shared time axis, plus today.
 */
import { addDays, daysBetween, earliest, type IsoDate, latest } from "../../domain/dates";
import { type DeadlineKind, describeStatus } from "../../domain/deadlines";
import { type WindowStatus, windowStatus } from "../../domain/milestones";
import type { MemberFacts } from "./unione-comparison";

export type MarkKind = "notifica" | "contratto" | "conclusione" | "asseverazione" | "erogazione";

export const MARK_LABELS: Record<MarkKind, string> = {
  notifica: "Notifica del decreto",
  contratto: "Contratto con il fornitore",
  conclusione: "Attività concluse",
  asseverazione: "Asseverazione",
  erogazione: "Erogazione",
};

export interface Lane {
  comuneId: number;
  comune: string;
  progettoId: number | null;
  marks: { kind: MarkKind; date: IsoDate; late: boolean }[];
  windows: LaneWindow[];
}

export interface LaneWindow {
  kind: DeadlineKind;
  from: IsoDate;
  to: IsoDate;
  projected: boolean;
  /** As the progetto's assessment judges its deadline (windowStatus, describeStatus). */
  status: WindowStatus;
  statusText: string;
}

export interface LaneChart {
  start: IsoDate;
  end: IsoDate;
  today: IsoDate;
  lanes: Lane[];
}

function laneOf(member: MemberFacts): Lane {
  const p = member.progetto;
  const lane: Lane = {
    comuneId: member.comuneId,
    comune: member.comune,
    progettoId: p?.id ?? null,
    marks: [],
    windows: [],
  };
  if (!p) return lane;
  const { contract, completion } = p.assessment.deadlines;
  const mark = (kind: MarkKind, date: IsoDate | null, due: IsoDate | null = null) => {
    if (date) lane.marks.push({ kind, date, late: due !== null && date > due });
  };
  mark("notifica", p.notifiedOn);
  mark("contratto", p.assessment.contractedOn, contract?.due ?? null);
  mark("conclusione", p.assessment.concludedOn, completion?.due ?? null);
  mark("asseverazione", p.asseveratoOn);
  mark("erogazione", p.erogatoOn);
  const judged = (kind: DeadlineKind) => {
    const status = p.assessment.statuses[kind];
    // A deadline always has a status in the assessment; "open" only guards the type.
    return status
      ? { status: windowStatus(status), statusText: describeStatus(status) }
      : { status: "open" as const, statusText: "—" };
  };
  if (contract && p.notifiedOn)
    lane.windows.push({
      kind: "contract",
      from: p.notifiedOn,
      to: contract.due,
      projected: false,
      ...judged("contract"),
    });
  if (completion)
    lane.windows.push({
      kind: "completion",
      from: p.assessment.contractedOn ?? contract?.due ?? completion.due,
      to: completion.due,
      projected: completion.projected,
      ...judged("completion"),
    });
  return lane;
}

/** Null when no member has any dated step yet. */
export function laneChart(members: readonly MemberFacts[], today: IsoDate): LaneChart | null {
  const lanes = members.map(laneOf);
  const dates = lanes.flatMap((l) => [
    ...l.marks.map((m) => m.date),
    ...l.windows.flatMap((w) => [w.from, w.to]),
  ]);
  if (dates.length === 0) return null;
  dates.push(today);
  const first = earliest(dates) ?? today;
  const last = latest(dates) ?? today;
  const margin = Math.max(15, Math.round(daysBetween(first, last) * 0.03));
  return { start: addDays(first, -margin), end: addDays(last, margin), today, lanes };
}

/**
 * A level for each mark of a lane (0 on the lane's line, then 1, 2, … drawn off it) so that
 * two marks closer than `minGapDays` never share a level and their symbols never overlap.
 * Earliest first, each mark takes the lowest level free again by its date.
 */
export function markLevels(dates: readonly IsoDate[], minGapDays: number): number[] {
  const levels = new Array<number>(dates.length).fill(0);
  /** The last date placed on each level. */
  const lastOn: IsoDate[] = [];
  const order = dates
    .map((_, i) => i)
    .sort((a, b) => (dates[a] ?? "").localeCompare(dates[b] ?? ""));
  for (const i of order) {
    const date = dates[i] ?? "";
    let level = lastOn.findIndex((last) => daysBetween(last, date) >= minGapDays);
    if (level === -1) level = lastOn.length;
    lastOn[level] = date;
    levels[i] = level;
  }
  return levels;
}
