import { type IsoDate, latest } from "./dates";

/** The five kinds of service flow of the "pacchetto cittadino attivo". */
export const FLOW_KINDS = {
  "permessi-autorizzazioni": "Permessi e autorizzazioni",
  "domande-graduatoria": "Domande con graduatoria",
  "servizi-pagamento": "Servizi a pagamento",
  "vantaggi-economici": "Vantaggi economici",
  "pagamenti-dovuti": "Pagamenti dovuti",
} as const;

export type FlowKind = keyof typeof FLOW_KINDS;

export interface Servizio {
  id: number;
  name: string;
  /** Short name used in lists and in istanze di modifica ("concorso pubblico"). */
  shortName: string;
  flowKind: FlowKind;
}

function servizio(id: number, name: string, shortName: string, flowKind: FlowKind): Servizio {
  return { id, name, shortName, flowKind };
}

/** The 26 services, numbered as in the avviso. Flow kinds: see docs/domain-decisions.md. */
export const SERVIZI: readonly Servizio[] = [
  servizio(
    1,
    "Richiedere permesso di parcheggio per residenti",
    "parcheggio residenti",
    "permessi-autorizzazioni",
  ),
  servizio(2, "Pagare tributi IMU", "tributi IMU", "pagamenti-dovuti"),
  servizio(3, "Pagare canone CIMP", "canone CIMP", "pagamenti-dovuti"),
  servizio(4, "Pagare canone COSAP", "canone COSAP", "pagamenti-dovuti"),
  servizio(5, "Pagare canone idrico", "canone idrico", "pagamenti-dovuti"),
  servizio(
    6,
    "Richiedere agevolazioni scolastiche",
    "agevolazioni scolastiche",
    "vantaggi-economici",
  ),
  servizio(7, "Richiedere assegnazione alloggio", "assegnazione alloggio", "domande-graduatoria"),
  servizio(
    8,
    "Presentare domanda per assegno di maternità",
    "assegno di maternità",
    "vantaggi-economici",
  ),
  servizio(9, "Presentare domanda per bonus economici", "bonus economici", "vantaggi-economici"),
  servizio(10, "Presentare domanda per un contributo", "contributo", "vantaggi-economici"),
  servizio(
    11,
    "Presentare domanda di agevolazione tributaria",
    "agevolazione tributaria",
    "vantaggi-economici",
  ),
  servizio(
    12,
    "Richiedere permessi di accesso ad area ZTL",
    "accesso ZTL",
    "permessi-autorizzazioni",
  ),
  servizio(13, "Pagare contravvenzioni", "contravvenzioni", "pagamenti-dovuti"),
  servizio(
    14,
    "Richiedere permesso per parcheggio invalidi",
    "parcheggio invalidi",
    "permessi-autorizzazioni",
  ),
  servizio(
    15,
    "Richiedere permesso per passo carrabile",
    "passo carrabile",
    "permessi-autorizzazioni",
  ),
  servizio(
    16,
    "Richiedere iscrizione al trasporto scolastico",
    "trasporto scolastico",
    "servizi-pagamento",
  ),
  servizio(
    17,
    "Richiedere iscrizione alla mensa scolastica",
    "mensa scolastica",
    "servizi-pagamento",
  ),
  servizio(
    18,
    "Richiedere iscrizione a corsi di formazione",
    "corsi di formazione",
    "domande-graduatoria",
  ),
  servizio(
    19,
    "Richiedere iscrizione alla scuola dell'infanzia",
    "scuola dell'infanzia",
    "domande-graduatoria",
  ),
  servizio(20, "Richiedere iscrizione all'asilo nido", "asilo nido", "domande-graduatoria"),
  servizio(
    21,
    "Presentare domanda di partecipazione ad un concorso pubblico",
    "concorso pubblico",
    "domande-graduatoria",
  ),
  servizio(
    22,
    "Richiedere una pubblicazione di matrimonio",
    "pubblicazione di matrimonio",
    "permessi-autorizzazioni",
  ),
  servizio(23, "Richiedere la sepoltura di un defunto", "sepoltura", "permessi-autorizzazioni"),
  servizio(24, "Pagare il canone per le lampade votive", "lampade votive", "pagamenti-dovuti"),
  servizio(25, "Richiedere l'accesso agli atti", "accesso agli atti", "permessi-autorizzazioni"),
  servizio(
    26,
    "Richiedere permesso di occupazione di suolo pubblico",
    "occupazione suolo pubblico",
    "permessi-autorizzazioni",
  ),
];

export function servizioById(id: number): Servizio {
  const found = SERVIZI.find((s) => s.id === id);
  if (!found) throw new RangeError(`Servizio inesistente: ${id}`);
  return found;
}

/** An accepted istanza di modifica that swaps services. */
export interface ServiceSubstitution {
  decidedOn: IsoDate | null;
  removed: readonly number[];
  added: readonly number[];
}

/** The services in force: the candidatura's, with accepted substitutions applied in order. */
export function servicesInForce(
  candidatura: readonly number[],
  substitutions: readonly ServiceSubstitution[],
): number[] {
  const ordered = [...substitutions].sort((a, b) =>
    (a.decidedOn ?? "").localeCompare(b.decidedOn ?? ""),
  );
  const current = new Set(candidatura);
  for (const s of ordered) {
    for (const id of s.removed) current.delete(id);
    for (const id of s.added) current.add(id);
  }
  return [...current].sort((a, b) => a - b);
}

/** An istanza di modifica as far as services are concerned. */
export interface IstanzaOnServices {
  id?: number;
  kind: string;
  outcome: string;
  outcomeOn: IsoDate | null;
  removed: readonly number[];
  added: readonly number[];
}

/** The accepted swaps among a progetto's istanze, leaving out `exceptId` (the one edited). */
export function acceptedSubstitutions(
  istanze: readonly IstanzaOnServices[],
  exceptId: number | null = null,
): ServiceSubstitution[] {
  return istanze
    .filter(
      (i) =>
        i.outcome === "accolta" &&
        i.kind === "sostituzione-servizi" &&
        (exceptId === null || i.id !== exceptId),
    )
    .map((i) => ({ decidedOn: i.outcomeOn, removed: i.removed, added: i.added }));
}

export interface CompletionFacts {
  siteOnlineOn: IsoDate | null;
  servicesOnline: ReadonlyMap<number, IsoDate>;
  checklistSubmittedOn: IsoDate | null;
  /** The comune's request to complete on the platform (any measure). */
  completionRequestedOn?: IsoDate | null;
}

/**
 * Activities count as concluded when the site and every service in force are online and the
 * conformity checklist is submitted: the date of the last of those steps. A measure without
 * services (every one but 1.4.1) has no such steps of its own: there the comune's request to
 * complete, as the platform records it, is the conclusion.
 */
export function activitiesConcludedOn(
  services: readonly number[],
  facts: CompletionFacts,
): IsoDate | null {
  const steps: (IsoDate | null | undefined)[] = [
    facts.siteOnlineOn,
    facts.checklistSubmittedOn,
    ...services.map((id) => facts.servicesOnline.get(id)),
  ];
  const dates = steps.filter((d): d is IsoDate => typeof d === "string");
  if (dates.length === steps.length) return latest(dates);
  return services.length === 0 ? (facts.completionRequestedOn ?? null) : null;
}
