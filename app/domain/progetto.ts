import type { DeadlineChange, DeadlineRules } from "./avviso-rules";
import { bandForPopulation } from "./bands";
import { assessClosure, type ClosureAssessment, type ClosureEvento } from "./closure";
import { earliest, type IsoDate } from "./dates";
import {
  computeDeadlines,
  type Deadline,
  type DeadlineKind,
  type DeadlineStatus,
  type Deadlines,
  deadlineStatus,
  type GrantedExtension,
  nextOpenDeadline,
} from "./deadlines";
import { isClosed, type Phase, projectPhase } from "./phase";
import type { Policy } from "./policy";
import { acceptedSubstitutions, activitiesConcludedOn, servicesInForce } from "./services";
import type { IstanzaKind, IstanzaOutcome, OfficialState } from "./vocabulary";

/** The recorded facts of one progetto, as plain data. */
export interface ProgettoFacts {
  /** How the avviso counts deadlines: assessProgetto assumes no measure's rules. */
  rules: DeadlineRules;
  /** The deadlines the platform shows for the progetto, entered by the RUP. */
  platformDeadlines: { contract: IsoDate | null; completion: IsoDate | null };
  /** Proroghe, quarterly slot, rimessione in termini. */
  deadlineChanges: readonly DeadlineChange[];
  band: number | null;
  population: number | null;
  candidaturaServices: readonly number[];
  decreto: { notifiedOn: IsoDate | null } | null;
  determine: readonly {
    adoptedOn: IsoDate;
    contractOn: IsoDate | null;
    amountCents?: number | null;
  }[];
  istanze: readonly IstanzaFacts[];
  eventi: readonly EventoFacts[];
  officialState: OfficialState | null;
  officialStateOn: IsoDate | null;
  /** What was granted, for the checks after completion. */
  financedCents?: number | null;
}

export interface IstanzaFacts {
  kind: IstanzaKind;
  outcome: IstanzaOutcome;
  outcomeOn: IsoDate | null;
  deadlineKind: "contract" | "completion" | null;
  grantedDeadline: IsoDate | null;
  removed: readonly number[];
  added: readonly number[];
}

export interface EventoFacts extends ClosureEvento {
  servizioId: number | null;
}

export interface ProgettoAssessment {
  phase: Phase;
  services: number[];
  contractedOn: IsoDate | null;
  concludedOn: IsoDate | null;
  deadlines: Deadlines;
  /** Each deadline's status under the request's policy (null where there is no deadline). */
  statuses: Record<DeadlineKind, DeadlineStatus | null>;
  /** The first deadline still to meet with its status; null once closed or when unknown. */
  next: { deadline: Deadline; status: DeadlineStatus } | null;
  /** From the request to complete to the end of upkeep (closure.ts). */
  closure: ClosureAssessment;
}

/**
 * Everything the screens derive from a progetto's facts. When several determine exist the
 * earliest contract counts: the stricter reading, so the tracker never promises extra time.
 */
export function assessProgetto(facts: ProgettoFacts, policy: Policy): ProgettoAssessment {
  const accepted = facts.istanze.filter((i) => i.outcome === "accolta");
  const services = servicesInForce(facts.candidaturaServices, acceptedSubstitutions(facts.istanze));
  const contractedOn = earliest(facts.determine.map((d) => d.contractOn ?? d.adoptedOn));
  const last = (kind: EventoFacts["kind"]) => lastEvent(facts.eventi, kind);
  const concludedOn = activitiesConcludedOn(services, {
    siteOnlineOn: last("sito-online")?.occurredOn ?? null,
    servicesOnline: servicesOnlineDates(facts.eventi),
    checklistSubmittedOn: last("checklist-inviata")?.occurredOn ?? null,
    completionRequestedOn: last("richiesta-completamento")?.occurredOn ?? null,
  });

  const extensions: GrantedExtension[] = accepted.flatMap((i) =>
    i.kind === "cronoprogramma" && i.deadlineKind !== null && i.grantedDeadline !== null
      ? [{ deadline: i.deadlineKind, grantedUntil: i.grantedDeadline }]
      : [],
  );
  const deadlines = computeDeadlines({
    rules: facts.rules,
    platform: facts.platformDeadlines,
    changes: facts.deadlineChanges,
    small: isSmall(facts),
    notifiedOn: facts.decreto?.notifiedOn ?? null,
    contractedOn,
    concludedOn,
    extensions,
  });

  const judged = last("asseverazione")?.outcome ?? null;
  const officialOn = (state: "R" | "E") =>
    facts.officialState === state ? facts.officialStateOn : null;
  const phase = projectPhase({
    funded: facts.decreto !== null || facts.officialState !== null,
    contractedOn,
    concludedOn,
    // Partly positive: the comune fixes what failed and awaits a new outcome (closure.ts).
    asseverazione: judged === "parzialmente-positiva" ? null : judged,
    erogatoOn: last("erogazione")?.occurredOn ?? officialOn("E"),
    rinunciaOn: last("rinuncia")?.occurredOn ?? officialOn("R"),
  });

  const open = isClosed(phase) ? null : nextOpenDeadline(deadlines);
  const statusOf = (d: Deadline | null) => (d === null ? null : deadlineStatus(d, policy));
  return {
    phase,
    services,
    contractedOn,
    concludedOn,
    deadlines,
    statuses: {
      contract: statusOf(deadlines.contract),
      completion: statusOf(deadlines.completion),
    },
    next: open ? { deadline: open, status: deadlineStatus(open, policy) } : null,
    closure: assessClosure(
      {
        eventi: facts.eventi,
        financedCents: facts.financedCents ?? null,
        contractCents: facts.determine.map((d) => d.amountCents ?? null),
      },
      policy,
    ),
  };
}

function isSmall(facts: ProgettoFacts): boolean {
  if (facts.band !== null) return facts.band === 1;
  // Without a band, the population on record decides; unknown counts as over 5,000.
  return facts.population !== null && bandForPopulation(facts.population).id === 1;
}

function lastEvent(eventi: readonly EventoFacts[], kind: EventoFacts["kind"]) {
  return eventi
    .filter((e) => e.kind === kind)
    .reduce<EventoFacts | null>(
      (a, e) => (a === null || e.occurredOn >= a.occurredOn ? e : a),
      null,
    );
}

function servicesOnlineDates(eventi: readonly EventoFacts[]): Map<number, IsoDate> {
  const dates = new Map<number, IsoDate>();
  for (const e of eventi) {
    if (e.kind !== "servizio-online" || e.servizioId === null) continue;
    const known = dates.get(e.servizioId);
    if (known === undefined || e.occurredOn < known) dates.set(e.servizioId, e.occurredOn);
  }
  return dates;
}
