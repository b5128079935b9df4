/**
 * An avviso's rules as data (decision 009): which amounts apply and how its deadlines are
 * counted. The avviso row holds them; this module says what they mean and checks the
 * changes of deadline a progetto records (proroghe, quarterly slot, rimessione in termini).
 */
import { addDays, type IsoDate, isIsoDate } from "./dates";
import type { Deadline, DeadlineKind } from "./deadlines";
import { RULES } from "./measures";

/** What a deadline's clock starts from. */
export const COUNTING_BASES = ["notifica", "contratto"] as const;
export type CountingBase = (typeof COUNTING_BASES)[number];
export const COUNTING_BASE_LABELS: Record<CountingBase, string> = {
  notifica: "dalla notifica del decreto",
  contratto: "dalla contrattualizzazione",
};

/** Days of one deadline, for comuni up to 5,000 inhabitants (small) and over. */
export interface CountingRule {
  from: CountingBase;
  smallDays: number;
  largeDays: number;
}

export interface DeadlineRules {
  /** Counted from the notification; null when our sources do not say (platform dates then). */
  contract: CountingRule | null;
  completion: CountingRule | null;
  /** A fixed last date that no deadline, extension or slot passes. */
  finalDeadline: IsoDate | null;
}

/** Which lump sums apply: the 1.4.1 bands for Comuni, or the decreto's amount alone. */
export const AMOUNT_RULES = [RULES.comuni141] as const;
export const AMOUNT_RULE_LABELS: Record<(typeof AMOUNT_RULES)[number] | "decreto", string> = {
  [RULES.comuni141]: "Fasce di popolazione e importi forfettari della Misura 1.4.1 (Comuni)",
  decreto: "Importo indicato nel decreto di finanziamento",
};

/** Misura 1.4.1 for Comuni: 180/270 days to contract, 270/360 more to complete. */
export const RULES_141_DEADLINES: DeadlineRules = {
  contract: { from: "notifica", smallDays: 180, largeDays: 270 },
  completion: { from: "contratto", smallDays: 270, largeDays: 360 },
  finalDeadline: null,
};

export const NO_COUNTED_DEADLINES: DeadlineRules = {
  contract: null,
  completion: null,
  finalDeadline: null,
};

/** The avviso's columns as stored (db/schema.ts avviso). */
export interface AvvisoRuleColumns {
  contractFrom: CountingBase | null;
  contractDaysSmall: number | null;
  contractDaysLarge: number | null;
  completionFrom: CountingBase | null;
  completionDaysSmall: number | null;
  completionDaysLarge: number | null;
  finalDeadline: IsoDate | null;
}

export function deadlineRulesOf(row: AvvisoRuleColumns | null): DeadlineRules {
  if (row === null) return NO_COUNTED_DEADLINES;
  const rule = (from: CountingBase | null, small: number | null, large: number | null) =>
    from !== null && small !== null && large !== null
      ? { from, smallDays: small, largeDays: large }
      : null;
  return {
    contract: rule(row.contractFrom, row.contractDaysSmall, row.contractDaysLarge),
    completion: rule(row.completionFrom, row.completionDaysSmall, row.completionDaysLarge),
    finalDeadline: row.finalDeadline,
  };
}

export function ruleColumnsOf(rules: DeadlineRules): AvvisoRuleColumns {
  return {
    contractFrom: rules.contract?.from ?? null,
    contractDaysSmall: rules.contract?.smallDays ?? null,
    contractDaysLarge: rules.contract?.largeDays ?? null,
    completionFrom: rules.completion?.from ?? null,
    completionDaysSmall: rules.completion?.smallDays ?? null,
    completionDaysLarge: rules.completion?.largeDays ?? null,
    finalDeadline: rules.finalDeadline,
  };
}

/** "270 giorni dalla notifica del decreto (180 fino a 5.000 abitanti)" */
export function describeCounting(rule: CountingRule | null): string {
  if (rule === null) return "non nota: vale la data indicata sulla piattaforma PA digitale 2026";
  const base = COUNTING_BASE_LABELS[rule.from];
  return rule.smallDays === rule.largeDays
    ? `${rule.largeDays} giorni ${base}`
    : `${rule.largeDays} giorni ${base} (${rule.smallDays} fino a 5.000 abitanti)`;
}

/** Kinds of change of a deadline as the platform counts them. */
export const DEADLINE_CHANGE_KINDS = [
  "automatica",
  "eccezionale",
  "richiesta-pec",
  "richiesta-piattaforma",
  "slot-trimestrale",
  "rimessione-in-termini",
] as const;
export type DeadlineChangeKind = (typeof DEADLINE_CHANGE_KINDS)[number];
export const DEADLINE_CHANGE_LABELS: Record<DeadlineChangeKind, string> = {
  automatica: "Proroga automatica",
  eccezionale: "Proroga eccezionale",
  "richiesta-pec": "Proroga richiesta via PEC",
  "richiesta-piattaforma": "Proroga richiesta in piattaforma",
  "slot-trimestrale": "Slot trimestrale di completamento",
  "rimessione-in-termini": "Rimessione in termini",
};

/** Changes that add days; the others set a date. */
export function addsDays(kind: DeadlineChangeKind): boolean {
  return kind !== "slot-trimestrale" && kind !== "rimessione-in-termini";
}

/** A change of deadline as recorded: days for a proroga, a date for a slot or a rimessione. */
export interface DeadlineChange {
  deadline: DeadlineKind;
  kind: DeadlineChangeKind;
  grantedOn: IsoDate;
  days: number | null;
  until: IsoDate | null;
}

/** Since April 2024 a progetto with a signed contract may move completion to a quarter end. */
export const QUARTERLY_SLOT_SINCE: IsoDate = "2024-04-01";

export function isQuarterEnd(date: IsoDate): boolean {
  return isIsoDate(date) && ["03-31", "06-30", "09-30", "12-31"].includes(date.slice(5));
}

/** The quarter end on or after a date. */
export function quarterEndOf(date: IsoDate): IsoDate {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  const end = ["03-31", "06-30", "09-30", "12-31"][Math.floor((month - 1) / 3)];
  return `${year}-${end}`;
}

/** The quarter end after a date's own quarter: the first later slot. */
export function nextQuarterEnd(date: IsoDate): IsoDate {
  return quarterEndOf(addDays(quarterEndOf(date), 1));
}

/** What a new change is checked against: the progetto's deadlines and contract before it. */
export interface ChangeContext {
  contractedOn: IsoDate | null;
  deadline: Deadline | null;
  finalDeadline: IsoDate | null;
}

/**
 * Why a change cannot be recorded, per field, in Italian; empty when it can. The platform's
 * rules: a slot is a later quarter end, for a signed contract, since April 2024; a
 * rimessione reopens a deadline that had passed; nothing passes the avviso's last date.
 */
export function checkDeadlineChange(
  change: DeadlineChange,
  context: ChangeContext,
): Record<string, string> {
  const errors: Record<string, string> = {};
  const { deadline } = context;
  if (deadline === null) {
    errors.deadline =
      "Questa scadenza non è ancora nota: registrare la notifica del decreto o le date della piattaforma";
    return errors;
  }
  if (addsDays(change.kind)) {
    if (change.days === null || change.days <= 0)
      errors.days = "Indicare i giorni di proroga concessi";
    return errors;
  }
  if (change.until === null) {
    errors.until = "Indicare la nuova scadenza";
    return errors;
  }
  if (change.kind === "slot-trimestrale") {
    if (change.deadline !== "completion")
      errors.deadline = "Lo slot trimestrale sposta solo il completamento delle attività";
    else if (change.grantedOn < QUARTERLY_SLOT_SINCE)
      errors.grantedOn = "Lo slot trimestrale si può scegliere dal 1° aprile 2024";
    else if (context.contractedOn === null || context.contractedOn > change.grantedOn)
      errors.grantedOn = "Lo slot trimestrale richiede un contratto già firmato";
    if (!isQuarterEnd(change.until))
      errors.until = "Lo slot è la fine di un trimestre (31/03, 30/06, 30/09 o 31/12)";
    else if (change.until <= deadline.due)
      errors.until = "Lo slot deve essere successivo alla scadenza di completamento in vigore";
    else if (context.finalDeadline !== null && change.until > context.finalDeadline)
      errors.until = "Lo slot supera la data ultima fissata per l'avviso";
  } else {
    if (deadline.due >= change.grantedOn)
      errors.grantedOn =
        "La rimessione in termini riapre una scadenza già passata: alla data indicata la scadenza era ancora aperta";
    if (change.until < change.grantedOn)
      errors.until = "La nuova scadenza non può precedere la data della rimessione";
  }
  return errors;
}
