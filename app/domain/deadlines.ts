import { addDays, daysBetween, type IsoDate, latest } from "./dates";
import type { Policy } from "./policy";

/**
 * Deadlines of Misura 1.4.1 for Comuni, in calendar days:
 * contract the supplier within 180 (up to 5,000 inhabitants) or 270 days of the decree's
 * notification; complete within 270 or 360 days of contrattualizzazione.
 */
export const DEADLINE_DAYS = {
  small: { contract: 180, completion: 270 },
  large: { contract: 270, completion: 360 },
} as const;

export type DeadlineKind = "contract" | "completion";

/** A granted timetable change (istanza di modifica del cronoprogramma accolta). */
export interface GrantedExtension {
  deadline: DeadlineKind;
  grantedUntil: IsoDate;
}

export interface DeadlineFacts {
  small: boolean;
  notifiedOn: IsoDate | null;
  contractedOn: IsoDate | null;
  concludedOn: IsoDate | null;
  extensions: readonly GrantedExtension[];
}

export interface Deadline {
  kind: DeadlineKind;
  /** As the avviso sets it, before any granted change. */
  originalDue: IsoDate;
  /** The deadline in force: the original or the furthest granted extension. */
  due: IsoDate;
  extended: boolean;
  /** True for the completion deadline while no supplier is contracted yet. */
  projected: boolean;
  metOn: IsoDate | null;
}

export interface Deadlines {
  contract: Deadline | null;
  completion: Deadline | null;
}

export function computeDeadlines(facts: DeadlineFacts): Deadlines {
  if (facts.notifiedOn === null) return { contract: null, completion: null };
  const days = facts.small ? DEADLINE_DAYS.small : DEADLINE_DAYS.large;
  const contractDue = addDays(facts.notifiedOn, days.contract);
  const contract = deadline("contract", contractDue, contractDue, facts, facts.contractedOn);

  // Until a supplier is contracted the completion deadline is projected from the contract
  // deadline in force, so an extension of the contract deadline moves it too.
  const projected = facts.contractedOn === null;
  const completion = deadline(
    "completion",
    addDays(facts.contractedOn ?? contract.originalDue, days.completion),
    addDays(facts.contractedOn ?? contract.due, days.completion),
    facts,
    facts.concludedOn,
  );
  return { contract, completion: { ...completion, projected } };
}

function deadline(
  kind: DeadlineKind,
  originalDue: IsoDate,
  baseDue: IsoDate,
  facts: DeadlineFacts,
  metOn: IsoDate | null,
): Deadline {
  const granted = latest(
    facts.extensions.filter((e) => e.deadline === kind).map((e) => e.grantedUntil),
  );
  // An extension only ever moves a deadline later.
  const due = granted !== null && granted > baseDue ? granted : baseDue;
  return { kind, originalDue, due, extended: due !== originalDue, projected: false, metOn };
}

export type DeadlineStatus =
  | { kind: "met-on-time"; metOn: IsoDate }
  | { kind: "met-late"; metOn: IsoDate; daysLate: number }
  | { kind: "open"; daysLeft: number }
  | { kind: "at-risk"; daysLeft: number }
  | { kind: "overdue"; daysOverdue: number };

/** The due day itself still counts as on time. */
export function deadlineStatus<D extends Pick<Deadline, "due" | "metOn">>(
  deadline: D,
  { today, atRiskDays }: Policy,
): DeadlineStatus {
  if (deadline.metOn !== null) {
    const daysLate = daysBetween(deadline.due, deadline.metOn);
    return daysLate > 0
      ? { kind: "met-late", metOn: deadline.metOn, daysLate }
      : { kind: "met-on-time", metOn: deadline.metOn };
  }
  const daysLeft = daysBetween(today, deadline.due);
  if (daysLeft < 0) return { kind: "overdue", daysOverdue: -daysLeft };
  if (daysLeft <= atRiskDays) return { kind: "at-risk", daysLeft };
  return { kind: "open", daysLeft };
}

/**
 * deadlineStatus as bounds on the due date, for selecting open deadlines in SQL: due before
 * `overdueBefore` is overdue, up to `atRiskUntil` at risk, later open.
 */
export function statusBounds({ today, atRiskDays }: Policy): {
  overdueBefore: IsoDate;
  atRiskUntil: IsoDate;
} {
  return { overdueBefore: today, atRiskUntil: addDays(today, atRiskDays) };
}

/** The first deadline still to be met, if any. */
export function nextOpenDeadline(deadlines: Deadlines): Deadline | null {
  for (const d of [deadlines.contract, deadlines.completion]) {
    if (d !== null && d.metOn === null) return d;
  }
  return null;
}

export const DEADLINE_LABELS: Record<DeadlineKind, string> = {
  contract: "Contrattualizzazione fornitore",
  completion: "Completamento attività",
};

export function describeStatus(status: DeadlineStatus): string {
  switch (status.kind) {
    case "met-on-time":
      return "Rispettata";
    case "met-late":
      return `Rispettata in ritardo (${plural(status.daysLate, "giorno", "giorni")})`;
    case "open":
      return `Aperta (${plural(status.daysLeft, "giorno rimasto", "giorni rimasti")})`;
    case "at-risk":
      return `A rischio (${plural(status.daysLeft, "giorno rimasto", "giorni rimasti")})`;
    case "overdue":
      return `Scaduta da ${plural(status.daysOverdue, "giorno", "giorni")}`;
  }
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
