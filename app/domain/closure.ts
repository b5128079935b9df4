/**
 * What follows the completion of a progetto, as rules over its dated events (no I/O): the
 * order the steps may come in (completion request, asseverazione, CRE, payment request,
 * formal checks, payment), the five years of upkeep after payment, the sample checks, and
 * the leftover funds (economie) a comune may reuse. Decision 010.
 */
import { daysBetween, type IsoDate } from "./dates";
import { type DeadlineStatus, deadlineStatus } from "./deadlines";
import { formatDate, formatEuro } from "./format";
import type { Policy } from "./policy";
import { futureFactError } from "./step-checks";
import {
  EVENT_KIND_LABELS,
  EVENT_OUTCOME_LABELS,
  type EventKind,
  type EventOutcome,
} from "./vocabulary";

/** An evento as these rules read it; the fields a kind does not use are null or absent. */
export interface ClosureEvento {
  id?: number;
  kind: EventKind;
  occurredOn: IsoDate;
  outcome: EventOutcome | null;
  amountCents?: number | null;
  reference?: string | null;
  dueOn?: IsoDate | null;
  repliedOn?: IsoDate | null;
  year?: number | null;
  note?: string | null;
  /** "opendata": written by the import from the official state E (or R). */
  source?: "manuale" | "opendata" | "demo";
}

export interface ClosureFacts {
  eventi: readonly ClosureEvento[];
  /** What was granted (decreto, else official, else requested). */
  financedCents: number | null;
  /** The amounts of the determine; null where a determina has none recorded. */
  contractCents: readonly (number | null)[];
}

/** Years of upkeep after payment (five years from 31 December of the year of payment). */
export const UPKEEP_YEARS = 5;

/** 31 December of the year of payment plus five years: 2025-06-10 → 2030-12-31. */
export function upkeepEndDate(paidOn: IsoDate): IsoDate {
  return `${yearOf(paidOn) + UPKEEP_YEARS}-12-31`;
}

/** The calendar years the upkeep covers, one declaration each: 2025 → 2026…2030. */
export function upkeepYears(paidOn: IsoDate): number[] {
  const first = yearOf(paidOn) + 1;
  return Array.from({ length: UPKEEP_YEARS }, (_, i) => first + i);
}

function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

export interface Leftover {
  receivedCents: number;
  /** The sum of the determine's amounts that are known. */
  contractsCents: number;
  contractsWithoutAmount: number;
  /** Received minus contracts: what the comune may reuse (negative when contracts cost more). */
  economieCents: number;
  reusedCents: number;
  /** Economie minus reuses. */
  leftCents: number;
  warnings: string[];
}

/** The lump sum received minus the contracts' costs, minus what was already reused. */
export function leftoverFunds(
  receivedCents: number,
  contractCents: readonly (number | null)[],
  reusedCents: readonly number[],
): Leftover {
  const known = contractCents.filter((c): c is number => c !== null);
  const contractsCents = sum(known);
  const contractsWithoutAmount = contractCents.length - known.length;
  const economieCents = receivedCents - contractsCents;
  const reused = sum(reusedCents);
  const leftCents = economieCents - reused;
  const warnings: string[] = [];
  if (contractsWithoutAmount > 0)
    warnings.push(
      `${contractsWithoutAmount === 1 ? "Una determina è" : `${contractsWithoutAmount} determine sono`} senza importo: le economie reali possono essere minori.`,
    );
  if (economieCents < 0)
    warnings.push(
      `I contratti costano ${formatEuro(-economieCents)} più del contributo ricevuto: non ci sono economie da riutilizzare.`,
    );
  else if (leftCents < 0)
    warnings.push(`I riutilizzi superano le economie di ${formatEuro(-leftCents)}.`);
  return {
    receivedCents,
    contractsCents,
    contractsWithoutAmount,
    economieCents,
    reusedCents: reused,
    leftCents,
    warnings,
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

export type ClosureState =
  | {
      kind: "revocato";
      on: IsoDate | null;
      reason: string;
      /** What the comune must give back: null when nothing was paid or the amount is unknown. */
      amountToReturnCents: number | null;
    }
  | { kind: "mantenimento"; until: IsoDate }
  | { kind: "obblighi-conclusi"; until: IsoDate };

/** "in mantenimento fino al 31/12/2030", "revocato", "obblighi di mantenimento conclusi il …". */
export function describeClosureState(state: ClosureState): string {
  switch (state.kind) {
    case "revocato":
      return "revocato";
    case "mantenimento":
      return `in mantenimento fino al ${formatDate(state.until)}`;
    case "obblighi-conclusi":
      return `obblighi di mantenimento conclusi il ${formatDate(state.until)}`;
  }
}

export interface ReplyDeadline {
  eventoId: number | null;
  requestedOn: IsoDate;
  due: IsoDate;
  repliedOn: IsoDate | null;
  /** Whether it still asks for an answer (not replied, no payment or revoca since). */
  open: boolean;
  status: DeadlineStatus;
}

export type DeclarationStatus = "presentata" | "mancante" | "in-corso" | "futura";

export interface Upkeep {
  paidOn: IsoDate;
  until: IsoDate;
  declarations: { year: number; declaredOn: IsoDate | null; status: DeclarationStatus }[];
  /** Past years without a declaration. */
  missing: number[];
}

export interface SampleCheck {
  eventoId: number | null;
  requestedOn: IsoDate;
  documentsSentOn: IsoDate | null;
  outcome: EventOutcome | null;
  amountToReturnCents: number | null;
  note: string | null;
}

export interface ClosureAssessment {
  state: ClosureState | null;
  completionRequestedOn: IsoDate | null;
  asseverazione: { on: IsoDate; outcome: EventOutcome; note: string | null } | null;
  creOn: IsoDate | null;
  paymentRequestOn: IsoDate | null;
  formalChecks: { on: IsoDate; outcome: EventOutcome | null; note: string | null }[];
  integrations: ReplyDeadline[];
  /** The first reply still owed: the deadline Scadenze lists. */
  nextReply: ReplyDeadline | null;
  payment: { on: IsoDate; amountCents: number | null; reversale: string | null } | null;
  upkeep: Upkeep | null;
  sampleChecks: SampleCheck[];
  reuses: { on: IsoDate; act: string | null; amountCents: number; purpose: string | null }[];
  leftover: Leftover | null;
}

const byDate = (a: ClosureEvento, b: ClosureEvento) => a.occurredOn.localeCompare(b.occurredOn);

function latestOf(eventi: readonly ClosureEvento[], kind: EventKind, until?: IsoDate) {
  return (
    eventi
      .filter((e) => e.kind === kind && (until === undefined || e.occurredOn <= until))
      .sort(byDate)
      .at(-1) ?? null
  );
}

/** The payment: one recorded by hand wins over the open data's, the latest of each. */
function paymentOf(eventi: readonly ClosureEvento[]) {
  return (
    latestOf(
      eventi.filter((e) => e.source !== "opendata"),
      "erogazione",
    ) ?? latestOf(eventi, "erogazione")
  );
}

/** Everything after completion the progetto page, lists and Scadenze show. */
export function assessClosure(facts: ClosureFacts, policy: Policy): ClosureAssessment {
  const eventi = [...facts.eventi].sort(byDate);
  const of = (kind: EventKind) => eventi.filter((e) => e.kind === kind);
  const asseverazione = latestOf(eventi, "asseverazione");
  const paid = paymentOf(eventi);
  const payment = paid
    ? {
        on: paid.occurredOn,
        amountCents: paid.amountCents ?? null,
        reversale: paid.reference ?? null,
      }
    : null;

  const sampleChecks: SampleCheck[] = of("controllo-campione").map((e) => ({
    eventoId: e.id ?? null,
    requestedOn: e.occurredOn,
    documentsSentOn: e.repliedOn ?? null,
    outcome: e.outcome,
    amountToReturnCents:
      e.outcome === "negativa" ? (e.amountCents ?? payment?.amountCents ?? null) : null,
    note: e.note ?? null,
  }));
  const failedCheck = sampleChecks.find((c) => c.outcome === "negativa");
  const negative = asseverazione?.outcome === "negativa" && payment === null;

  let state: ClosureState | null = null;
  if (failedCheck)
    state = {
      kind: "revocato",
      on: null,
      reason: `Controllo a campione del ${formatDate(failedCheck.requestedOn)} con esito negativo`,
      amountToReturnCents: failedCheck.amountToReturnCents,
    };
  else if (negative && asseverazione)
    state = {
      kind: "revocato",
      on: asseverazione.occurredOn,
      reason: `Asseverazione negativa del ${formatDate(asseverazione.occurredOn)}`,
      amountToReturnCents: null,
    };
  else if (payment) {
    const until = upkeepEndDate(payment.on);
    state =
      policy.today > until ? { kind: "obblighi-conclusi", until } : { kind: "mantenimento", until };
  }

  const integrations = of("richiesta-integrazione").flatMap((e): ReplyDeadline[] => {
    if (!e.dueOn) return [];
    const repliedOn = e.repliedOn ?? null;
    return [
      {
        eventoId: e.id ?? null,
        requestedOn: e.occurredOn,
        due: e.dueOn,
        repliedOn,
        open: repliedOn === null && payment === null && state === null,
        status: deadlineStatus({ due: e.dueOn, metOn: repliedOn }, policy),
      },
    ];
  });
  const nextReply =
    integrations.filter((i) => i.open).sort((a, b) => a.due.localeCompare(b.due))[0] ?? null;

  const upkeep =
    payment && state?.kind !== "revocato"
      ? upkeepOf(payment.on, of("dichiarazione-mantenimento"), policy)
      : null;
  const reuses = of("riutilizzo-economie").map((e) => ({
    on: e.occurredOn,
    act: e.reference ?? null,
    amountCents: e.amountCents ?? 0,
    purpose: e.note ?? null,
  }));
  const leftover =
    payment?.amountCents != null && state?.kind !== "revocato"
      ? leftoverFunds(
          payment.amountCents,
          facts.contractCents,
          reuses.map((r) => r.amountCents),
        )
      : null;

  return {
    state,
    completionRequestedOn: latestOf(eventi, "richiesta-completamento")?.occurredOn ?? null,
    asseverazione: asseverazione?.outcome
      ? {
          on: asseverazione.occurredOn,
          outcome: asseverazione.outcome,
          note: asseverazione.note ?? null,
        }
      : null,
    creOn: latestOf(eventi, "cre")?.occurredOn ?? null,
    paymentRequestOn: latestOf(eventi, "richiesta-erogazione")?.occurredOn ?? null,
    formalChecks: of("verifica-formale").map((e) => ({
      on: e.occurredOn,
      outcome: e.outcome,
      note: e.note ?? null,
    })),
    integrations,
    nextReply,
    payment,
    upkeep,
    sampleChecks,
    reuses,
    leftover,
  };
}

function upkeepOf(paidOn: IsoDate, declarations: readonly ClosureEvento[], policy: Policy): Upkeep {
  const thisYear = yearOf(policy.today);
  const rows = upkeepYears(paidOn).map((year) => {
    const declaredOn = declarations.find((d) => d.year === year)?.occurredOn ?? null;
    const status: DeclarationStatus =
      declaredOn !== null
        ? "presentata"
        : year < thisYear
          ? "mancante"
          : year === thisYear
            ? "in-corso"
            : "futura";
    return { year, declaredOn, status };
  });
  return {
    paidOn,
    until: upkeepEndDate(paidOn),
    declarations: rows,
    missing: rows.filter((r) => r.status === "mancante").map((r) => r.year),
  };
}

/** Kinds that need a positive asseverazione (or a payment, which only follows one) before them. */
const AFTER_ASSEVERAZIONE: readonly EventKind[] = [
  "cre",
  "richiesta-erogazione",
  "verifica-formale",
  "richiesta-integrazione",
  "erogazione",
  "riutilizzo-economie",
];
/** Pairs of steps in the order they must come: the first never dated after the second. */
const ORDER: readonly (readonly [EventKind, EventKind])[] = [
  ["richiesta-completamento", "asseverazione"],
  ["cre", "richiesta-erogazione"],
  ["richiesta-erogazione", "erogazione"],
];
/** Kinds that only exist after the payment. */
const AFTER_PAYMENT: readonly EventKind[] = ["dichiarazione-mantenimento", "controllo-campione"];

/**
 * Refuses an evento that breaks the order of what follows completion, given the progetto's
 * other eventi (without the one being edited). Errors are Italian and keyed by form field.
 */
export function checkClosureEvent(
  e: ClosureEvento,
  others: readonly ClosureEvento[],
  context: { today: IsoDate; financedCents: number | null },
): Record<string, string> {
  const errors: Record<string, string> = {};
  const refuse = (field: string, message: string) => {
    errors[field] ??= message;
  };
  const label = EVENT_KIND_LABELS[e.kind];
  // One rule for every step's dates: a fact that already happened is never in the future.
  const future = (field: string, date: IsoDate | null | undefined) => {
    const message = futureFactError(date, context.today);
    if (message) refuse(field, message);
  };
  future("occurredOn", e.occurredOn);
  future("repliedOn", e.repliedOn);
  if (e.repliedOn && e.repliedOn < e.occurredOn)
    refuse("repliedOn", "La risposta non può precedere la richiesta");
  if (e.dueOn && e.dueOn < e.occurredOn)
    refuse("dueOn", "Il termine per rispondere non può precedere la richiesta");

  const before = (kind: EventKind) => latestOf(others, kind, e.occurredOn);
  const paidBefore = before("erogazione");

  for (const [first, second] of ORDER) {
    const firsts = others.filter((o) => o.kind === first).sort(byDate);
    // A partly positive asseverazione is not final: a new completion request may follow it.
    const clash =
      e.kind === first
        ? others.find(
            (o) =>
              o.kind === second &&
              o.occurredOn < e.occurredOn &&
              o.outcome !== "parzialmente-positiva",
          )
        : e.kind === second && !firsts.some((o) => o.occurredOn <= e.occurredOn)
          ? firsts[0]
          : undefined;
    if (clash)
      refuse(
        "occurredOn",
        `«${label}» non può ${e.kind === first ? "seguire" : "precedere"} «${EVENT_KIND_LABELS[clash.kind]}» del ${formatDate(clash.occurredOn)}`,
      );
  }

  if (AFTER_ASSEVERAZIONE.includes(e.kind) && !paidBefore) {
    const judged = before("asseverazione");
    // Parzialmente positiva: the comune fixes what failed and waits for a new outcome.
    if (judged?.outcome !== "positiva") {
      refuse(
        "occurredOn",
        judged?.outcome === "negativa"
          ? `Dopo l'asseverazione negativa del ${formatDate(judged.occurredOn)} il finanziamento è revocato: «${label}» non si può registrare`
          : `«${label}» richiede prima un'asseverazione con esito positivo, con data non successiva`,
      );
    }
  }

  if (e.kind === "asseverazione" && e.outcome === "negativa") {
    const paid = others.find((o) => o.kind === "erogazione");
    if (paid)
      refuse(
        "outcome",
        `Il contributo risulta erogato il ${formatDate(paid.occurredOn)}: un'asseverazione negativa non è compatibile`,
      );
  }

  if (e.kind === "erogazione") {
    // The import's own record of the official payment does not count: the RUP's may add to it.
    const already = others.find((o) => o.kind === "erogazione" && o.source !== "opendata");
    if (already)
      refuse(
        "_form",
        `L'erogazione del contributo è unica ed è già registrata al ${formatDate(already.occurredOn)}: modificare quella`,
      );
    if (
      e.amountCents != null &&
      context.financedCents !== null &&
      e.amountCents > context.financedCents
    )
      refuse(
        "amount",
        `L'importo erogato (${formatEuro(e.amountCents)}) supera l'importo finanziato (${formatEuro(context.financedCents)})`,
      );
  }

  if (AFTER_PAYMENT.includes(e.kind)) {
    if (!paidBefore)
      refuse(
        "occurredOn",
        `«${label}» richiede prima l'erogazione del contributo, con data non successiva`,
      );
    else if (
      e.kind === "controllo-campione" &&
      e.amountCents != null &&
      paidBefore.amountCents != null &&
      e.amountCents > paidBefore.amountCents
    )
      refuse(
        "amount",
        `L'importo da restituire non può superare quello erogato (${formatEuro(paidBefore.amountCents)})`,
      );
  }

  if (e.kind === "dichiarazione-mantenimento" && e.year != null && paidBefore) {
    const years = upkeepYears(paidBefore.occurredOn);
    if (!years.includes(e.year))
      refuse(
        "year",
        `L'anno deve essere tra il ${years[0]} e il ${years.at(-1)}: i cinque anni dal 31/12/${yearOf(paidBefore.occurredOn)}`,
      );
    else if (e.year > yearOf(context.today))
      refuse("year", "Non si dichiara il mantenimento di un anno non ancora iniziato");
    else if (others.some((o) => o.kind === "dichiarazione-mantenimento" && o.year === e.year))
      refuse("year", `La dichiarazione di mantenimento per il ${e.year} è già registrata`);
  }
  return errors;
}

/** The timeline's title of an evento after completion. */
export function closureEventTitle(e: ClosureEvento): string {
  switch (e.kind) {
    case "asseverazione":
      return e.outcome
        ? `Asseverazione ${EVENT_OUTCOME_LABELS[e.outcome].toLowerCase()}`
        : "Asseverazione";
    case "verifica-formale":
      return e.outcome
        ? `Verifiche formali: esito ${EVENT_OUTCOME_LABELS[e.outcome].toLowerCase()}`
        : "Verifiche formali";
    case "controllo-campione":
      return e.outcome
        ? `Controllo a campione: esito ${EVENT_OUTCOME_LABELS[e.outcome].toLowerCase()}`
        : "Controllo a campione richiesto";
    case "dichiarazione-mantenimento":
      return `Dichiarazione di mantenimento${e.year ? ` per il ${e.year}` : ""}`;
    case "riutilizzo-economie":
      return `Riutilizzo delle economie${e.amountCents != null ? ` di ${formatEuro(e.amountCents)}` : ""}`;
    case "erogazione":
      return `Erogazione${e.amountCents == null ? "" : ` di ${formatEuro(e.amountCents)}`}`;
    default:
      return EVENT_KIND_LABELS[e.kind];
  }
}

/** The timeline's details of an evento: its references, deadlines and note. */
export function closureEventDetails(e: ClosureEvento): string[] {
  const details: string[] = [];
  if (e.kind === "erogazione" && e.reference) details.push(`Reversale n. ${e.reference}`);
  if (e.kind === "riutilizzo-economie" && e.reference) details.push(`Atto: ${e.reference}`);
  if (e.dueOn) details.push(`Rispondere entro il ${formatDate(e.dueOn)}`);
  if (e.repliedOn)
    details.push(
      e.kind === "controllo-campione"
        ? `Documenti inviati il ${formatDate(e.repliedOn)}`
        : `Risposta inviata il ${formatDate(e.repliedOn)}${e.dueOn && daysBetween(e.dueOn, e.repliedOn) > 0 ? " (in ritardo)" : ""}`,
    );
  if (e.kind === "controllo-campione" && e.outcome === "negativa")
    details.push(
      `Revoca del finanziamento${e.amountCents != null ? `: da restituire ${formatEuro(e.amountCents)}` : ""}`,
    );
  if (e.note) details.push(e.kind === "riutilizzo-economie" ? `Finalità: ${e.note}` : e.note);
  return details;
}
