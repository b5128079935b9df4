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

/** Steps after the determina that a progetto records as dated events. */
export const EVENT_KINDS = [
  "sito-online",
  "servizio-online",
  "checklist-inviata",
  "asseverazione",
  "erogazione",
  "rinuncia",
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  "sito-online": "Sito online",
  "servizio-online": "Servizio online",
  "checklist-inviata": "Checklist di conformità inviata",
  asseverazione: "Esito dell'asseverazione",
  erogazione: "Erogazione del contributo",
  rinuncia: "Rinuncia al finanziamento",
};

export const ISTANZA_KINDS = ["sostituzione-servizi", "cronoprogramma", "altro"] as const;
export type IstanzaKind = (typeof ISTANZA_KINDS)[number];
export const ISTANZA_OUTCOMES = ["in-attesa", "accolta", "respinta"] as const;
export type IstanzaOutcome = (typeof ISTANZA_OUTCOMES)[number];
export const ASSEVERAZIONE_OUTCOMES = ["positiva", "negativa"] as const;

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
