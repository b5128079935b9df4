/**
 * Checks across the steps of a progetto (no I/O). Two kinds of finding: an impossible
 * sequence is refused with its reason; an unusual one is a warning the user must confirm
 * ("Confermo: …") before it is saved, because it can happen (a contract signed before the
 * decreto was notified, an asseverazione asked while checklist items are still open).
 * Errors are Italian and keyed by form field, as the forms show them.
 */
import type { IsoDate } from "./dates";
import { formatDate } from "./format";

/** An unusual sequence: saved only when the form sends back its code as confirmed. */
export interface StepWarning {
  code: string;
  /** The field the warning is about, for the error summary's link. */
  field: string;
  message: string;
  /** What the user ticks: "Confermo: …". */
  confirm: string;
}

export interface StepFindings {
  errors: Record<string, string>;
  warnings: StepWarning[];
}

function findings() {
  const result: StepFindings = { errors: {}, warnings: [] };
  return {
    result,
    refuse(field: string, message: string | null) {
      if (message !== null) result.errors[field] ??= message;
    },
    warn(warning: StepWarning | null) {
      if (warning) result.warnings.push(warning);
    },
  };
}

/**
 * A fact that already happened cannot be dated after today: the one rule for every date
 * of a step (candidatura, decreto, determina, contract, eventi after completion).
 */
export function futureFactError(date: IsoDate | null | undefined, today: IsoDate): string | null {
  return date && date > today
    ? `La data non può essere futura (oggi è il ${formatDate(today)}): si registrano solo fatti già avvenuti`
    : null;
}

/** The decreto funds a candidatura already sent: it cannot come before it. */
export function decretoBeforeCandidaturaError(
  candidaturaSentOn: IsoDate | null,
  decreeOn: IsoDate | null,
): string | null {
  return candidaturaSentOn && decreeOn && decreeOn < candidaturaSentOn
    ? `Il decreto non può precedere l'invio della candidatura (${formatDate(candidaturaSentOn)})`
    : null;
}

/** The comune is notified of a decreto that exists: never before its date. */
export function notificationBeforeDecretoError(
  decreeOn: IsoDate | null,
  notifiedOn: IsoDate | null,
): string | null {
  return decreeOn && notifiedOn && notifiedOn < decreeOn
    ? "La data di notifica non può precedere la data del decreto"
    : null;
}

/** The date a determina's contract counts from: its own, else the determina's (as the form says). */
export function contractDate(d: { adoptedOn: IsoDate; contractOn: IsoDate | null }): IsoDate {
  return d.contractOn ?? d.adoptedOn;
}

/**
 * A contract signed before the decreto reached the comune: possible (a comune may award
 * at its own risk), unusual, and it moves the completion clock, so it is confirmed.
 */
export function contractBeforeNotificationWarning(
  notifiedOn: IsoDate | null,
  contractOn: IsoDate | null,
): StepWarning | null {
  if (!notifiedOn || !contractOn || contractOn >= notifiedOn) return null;
  return {
    code: "contratto-prima-della-notifica",
    field: "contractOn",
    message: `Il contratto (${formatDate(contractOn)}) è precedente alla notifica del decreto (${formatDate(notifiedOn)}).`,
    confirm: "il contratto è stato firmato prima della notifica del decreto",
  };
}

/** An asseverazione recorded while the conformity checklist still has items not in order. */
export function asseverazioneWithOpenChecklistWarning(checklist: {
  total: number;
  open: number;
  failing: number;
}): StepWarning | null {
  const notDone = checklist.open + checklist.failing;
  if (checklist.total === 0 || notDone === 0) return null;
  return {
    code: "asseverazione-con-checklist-aperta",
    field: "occurredOn",
    message: `La checklist di conformità ha ancora ${notDone} voci su ${checklist.total} non a posto (da verificare o non conformi).`,
    confirm: "l'asseverazione è avvenuta anche se la checklist qui non è completa",
  };
}

export function checkCandidaturaDates(
  input: { sentOn: IsoDate },
  context: { today: IsoDate; decreeOn: IsoDate | null },
): StepFindings {
  const f = findings();
  f.refuse("sentOn", futureFactError(input.sentOn, context.today));
  const clash = decretoBeforeCandidaturaError(input.sentOn, context.decreeOn);
  if (clash && context.decreeOn)
    f.refuse(
      "sentOn",
      `La candidatura non può seguire il decreto che la finanzia (${formatDate(context.decreeOn)})`,
    );
  return f.result;
}

export function checkDecreto(
  input: { decreeOn: IsoDate; notifiedOn: IsoDate | null },
  context: {
    today: IsoDate;
    candidaturaSentOn: IsoDate | null;
    /** The contract dates of the progetto's determine. */
    contracts: readonly IsoDate[];
  },
): StepFindings {
  const f = findings();
  f.refuse("decreeOn", futureFactError(input.decreeOn, context.today));
  f.refuse("decreeOn", decretoBeforeCandidaturaError(context.candidaturaSentOn, input.decreeOn));
  f.refuse("notifiedOn", futureFactError(input.notifiedOn, context.today));
  f.refuse("notifiedOn", notificationBeforeDecretoError(input.decreeOn, input.notifiedOn));
  const first = [...context.contracts].sort()[0] ?? null;
  const warning = contractBeforeNotificationWarning(input.notifiedOn, first);
  f.warn(warning && { ...warning, field: "notifiedOn" });
  return f.result;
}

export function checkDetermina(
  input: { adoptedOn: IsoDate; contractOn: IsoDate | null },
  context: { today: IsoDate; notifiedOn: IsoDate | null },
): StepFindings {
  const f = findings();
  f.refuse("adoptedOn", futureFactError(input.adoptedOn, context.today));
  f.refuse("contractOn", futureFactError(input.contractOn, context.today));
  const warning = contractBeforeNotificationWarning(context.notifiedOn, contractDate(input));
  f.warn(warning && { ...warning, field: input.contractOn ? "contractOn" : "adoptedOn" });
  return f.result;
}

/** The warnings the user has not yet confirmed; empty when the step may be saved. */
export function unconfirmed(
  warnings: readonly StepWarning[],
  confirmed: readonly string[],
): StepWarning[] {
  return warnings.filter((w) => !confirmed.includes(w.code));
}
