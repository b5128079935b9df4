/**
 * The words of the domain, once: the database schema, the form inputs (zod), the option
 * lists and the rules all import them from here, so a new kind of event or role is added
 * in one place.
 */

export const ROLES = ["admin", "coordinatore", "editor", "lettore"] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  admin: "Amministratore",
  coordinatore: "Coordinatore di Unione",
  editor: "Editor di comune",
  lettore: "Lettore",
};

/**
 * Steps after the determina that a progetto records as dated events: completion, the
 * asseverazione, the payment request and its checks, the payment, and the obligations after
 * it (upkeep, sample checks, reuse of the leftover funds). Rules: app/domain/closure.ts.
 */
export const EVENT_KINDS = [
  "sito-online",
  "servizio-online",
  "checklist-inviata",
  "richiesta-completamento",
  "asseverazione",
  "cre",
  "richiesta-erogazione",
  "verifica-formale",
  "richiesta-integrazione",
  "erogazione",
  "rinuncia",
  "dichiarazione-mantenimento",
  "controllo-campione",
  "riutilizzo-economie",
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  "sito-online": "Sito online",
  "servizio-online": "Servizio online",
  "checklist-inviata": "Checklist di conformità inviata",
  "richiesta-completamento": "Richiesta di completamento delle attività",
  asseverazione: "Esito dell'asseverazione",
  cre: "Certificato di regolare esecuzione (CRE) firmato dal RUP",
  "richiesta-erogazione": "Richiesta di erogazione (Allegato 5)",
  "verifica-formale": "Esito delle verifiche formali",
  "richiesta-integrazione": "Richiesta di integrazione",
  erogazione: "Erogazione del contributo",
  rinuncia: "Rinuncia al finanziamento",
  "dichiarazione-mantenimento": "Dichiarazione annuale di mantenimento",
  "controllo-campione": "Controllo a campione",
  "riutilizzo-economie": "Riutilizzo delle economie",
};

/** Outcomes an evento can carry: the asseverazione has three, the checks two. */
export const EVENT_OUTCOMES = ["positiva", "parzialmente-positiva", "negativa"] as const;
export type EventOutcome = (typeof EVENT_OUTCOMES)[number];
export const EVENT_OUTCOME_LABELS: Record<EventOutcome, string> = {
  positiva: "Positiva",
  "parzialmente-positiva": "Parzialmente positiva",
  negativa: "Negativa",
};
export const ASSEVERAZIONE_OUTCOMES = EVENT_OUTCOMES;

/** The optional fields of an evento, besides its kind, date and note. */
export type EventField =
  | "servizioId"
  | "outcome"
  | "amount"
  | "reference"
  | "dueOn"
  | "repliedOn"
  | "year";

/**
 * Which fields each kind of evento uses, and which it requires: the form shows these, the
 * input refuses a missing required one and clears the others.
 */
export const EVENT_FIELDS: Record<
  EventKind,
  {
    fields: readonly EventField[];
    required: readonly EventField[];
    outcomes?: readonly EventOutcome[];
  }
> = {
  "sito-online": { fields: [], required: [] },
  "servizio-online": { fields: ["servizioId"], required: ["servizioId"] },
  "checklist-inviata": { fields: [], required: [] },
  "richiesta-completamento": { fields: [], required: [] },
  asseverazione: { fields: ["outcome"], required: ["outcome"], outcomes: EVENT_OUTCOMES },
  cre: { fields: [], required: [] },
  "richiesta-erogazione": { fields: [], required: [] },
  "verifica-formale": {
    fields: ["outcome"],
    required: ["outcome"],
    outcomes: ["positiva", "negativa"],
  },
  "richiesta-integrazione": { fields: ["dueOn", "repliedOn"], required: ["dueOn"] },
  erogazione: { fields: ["amount", "reference"], required: ["amount"] },
  rinuncia: { fields: [], required: [] },
  "dichiarazione-mantenimento": { fields: ["year"], required: ["year"] },
  // The outcome stays empty while the check is in progress; an amount only with a revoca.
  "controllo-campione": {
    fields: ["repliedOn", "outcome", "amount"],
    required: [],
    outcomes: ["positiva", "negativa"],
  },
  "riutilizzo-economie": { fields: ["reference", "amount"], required: ["reference", "amount"] },
};

export const ISTANZA_KINDS = ["sostituzione-servizi", "cronoprogramma", "altro"] as const;
export type IstanzaKind = (typeof ISTANZA_KINDS)[number];
export const ISTANZA_OUTCOMES = ["in-attesa", "accolta", "respinta"] as const;
export type IstanzaOutcome = (typeof ISTANZA_OUTCOMES)[number];

/** stato_candidatura of the official open data: assigned, renounced, paid (erogato). */
export const OFFICIAL_STATES = ["A", "R", "E"] as const;
export type OfficialState = (typeof OFFICIAL_STATES)[number];

/** Who the beneficiary of a progetto is, as the open data's tipologia_ente tells. */
export const BENEFICIARY_KINDS = ["comune", "scuola", "altro"] as const;

/** A label list for a <select>, in the vocabulary's order. */
export function optionsOf<K extends string>(
  values: readonly K[],
  labels: Record<K, string>,
): { value: K; label: string }[] {
  return values.map((value) => ({ value, label: labels[value] }));
}
