import type { DeadlineChange, DeadlineRules } from "./avviso-rules";
import { addsDays } from "./avviso-rules";
import { addDays, daysBetween, type IsoDate, latest } from "./dates";
import type { Policy } from "./policy";

/**
 * Deadlines as the platform counts them, in calendar days, by the avviso's rules (decision
 * 009): each deadline starts from the date the platform shows for the progetto, else from
 * the avviso's counting (1.4.1: contract within 180 or 270 days of the notification, complete
 * within 270 or 360 days of contrattualizzazione); proroghe add days, a granted istanza, a
 * quarterly slot or a rimessione in termini set a later date, and the avviso's last date
 * caps everything.
 */
export type DeadlineKind = "contract" | "completion";

/** A granted timetable change (istanza di modifica del cronoprogramma accolta). */
export interface GrantedExtension {
  deadline: DeadlineKind;
  grantedUntil: IsoDate;
}

export interface DeadlineFacts {
  rules: DeadlineRules;
  small: boolean;
  notifiedOn: IsoDate | null;
  contractedOn: IsoDate | null;
  concludedOn: IsoDate | null;
  /** The deadlines the platform shows for the progetto, as the RUP entered them. */
  platform: { contract: IsoDate | null; completion: IsoDate | null };
  extensions: readonly GrantedExtension[];
  changes: readonly DeadlineChange[];
}

export interface Deadline {
  kind: DeadlineKind;
  /** As the avviso (or the platform) sets it, before any change. */
  originalDue: IsoDate;
  /** The deadline in force: the original moved by every change, capped by the last date. */
  due: IsoDate;
  extended: boolean;
  /** True for the completion deadline while no supplier is contracted yet. */
  projected: boolean;
  /** The avviso's fixed last date cut it short. */
  capped: boolean;
  /** A rimessione in termini reopened it. */
  reopened: boolean;
  metOn: IsoDate | null;
}

export interface Deadlines {
  contract: Deadline | null;
  completion: Deadline | null;
}

export function computeDeadlines(facts: DeadlineFacts): Deadlines {
  const { rules, small } = facts;
  const days = (rule: { smallDays: number; largeDays: number }) =>
    small ? rule.smallDays : rule.largeDays;
  const final = rules.finalDeadline;

  const contractOriginal =
    facts.platform.contract ??
    (rules.contract && facts.notifiedOn ? addDays(facts.notifiedOn, days(rules.contract)) : null);
  const contract =
    contractOriginal === null
      ? null
      : moved("contract", contractOriginal, contractOriginal, facts, final, facts.contractedOn);
  // Counted deadlines start from the notification: before it only platform dates exist.
  // An extension of the contract deadline moves completion too, until a signed contract
  // starts the completion clock itself.
  const shift = contract ? daysBetween(contract.originalDue, contract.uncappedDue) : 0;

  let completion: Deadline | null = null;
  const rule = rules.completion;
  if (facts.platform.completion !== null) {
    const original = facts.platform.completion;
    completion = moved(
      "completion",
      original,
      addDays(original, shift),
      facts,
      final,
      facts.concludedOn,
    );
  } else if (rule?.from === "notifica" && facts.notifiedOn !== null) {
    const original = addDays(facts.notifiedOn, days(rule));
    completion = moved(
      "completion",
      original,
      addDays(original, shift),
      facts,
      final,
      facts.concludedOn,
    );
  } else if (
    rule?.from === "contratto" &&
    facts.notifiedOn !== null &&
    facts.contractedOn !== null
  ) {
    const original = addDays(facts.contractedOn, days(rule));
    completion = moved("completion", original, original, facts, final, facts.concludedOn);
  } else if (rule?.from === "contratto" && contract !== null) {
    // Until a supplier is contracted the completion deadline is projected from the contract
    // deadline in force.
    const original = addDays(contract.originalDue, days(rule));
    completion = {
      ...moved("completion", original, addDays(original, shift), facts, final, facts.concludedOn),
      projected: true,
    };
  }
  return { contract: contract && strip(contract), completion: completion && strip(completion) };
}

function strip({ uncappedDue: _, ...deadline }: Deadline & { uncappedDue?: IsoDate }): Deadline {
  return deadline;
}

function moved(
  kind: DeadlineKind,
  originalDue: IsoDate,
  baseDue: IsoDate,
  facts: DeadlineFacts,
  final: IsoDate | null,
  metOn: IsoDate | null,
): Deadline & { uncappedDue: IsoDate } {
  const changes = facts.changes.filter((c) => c.deadline === kind);
  const added = changes.reduce((sum, c) => sum + (addsDays(c.kind) ? (c.days ?? 0) : 0), 0);
  const reopenedUntil = latest(
    changes.filter((c) => c.kind === "rimessione-in-termini").map((c) => c.until),
  );
  const granted = latest([
    ...facts.extensions.filter((e) => e.deadline === kind).map((e) => e.grantedUntil),
    ...changes.filter((c) => c.kind === "slot-trimestrale").map((c) => c.until),
  ]);
  let due = addDays(baseDue, added);
  // A change only ever moves a deadline later.
  if (granted !== null && granted > due) due = granted;
  const reopened = reopenedUntil !== null && reopenedUntil > due;
  if (reopened && reopenedUntil !== null) due = reopenedUntil;
  const capped = final !== null && due > final;
  const inForce = capped && final !== null ? final : due;
  return {
    kind,
    originalDue,
    due: inForce,
    uncappedDue: due,
    extended: inForce > originalDue,
    projected: false,
    capped,
    reopened,
    metOn,
  };
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
