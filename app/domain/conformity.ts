/**
 * The conformity checklist of a 1.4.1 progetto: every site criterion (C.SI) once and every
 * service criterion (C.SE) for each service in force, each with a status the user sets;
 * and the readiness that says whether the checklist can be sent.
 */

export const SITE_CRITERIA = [
  ["C.SI.1.1", "Font del modello (Titillium Web, Lora)"],
  ["C.SI.1.2", "Bootstrap Italia 2.0 o successiva collegata nell'head"],
  ["C.SI.1.3", "Schede informative dei servizi con le voci obbligatorie in ordine"],
  ["C.SI.1.4", "Tema CMS del modello, ultima versione all'avvio dei lavori"],
  ["C.SI.1.5", "Argomenti dal vocabolario controllato"],
  ["C.SI.1.6", "Menu di primo livello: Amministrazione, Novità, Servizi, Vivere il Comune"],
  ["C.SI.1.7", "Titoli delle pagine di secondo livello dal vocabolario del modello"],
  ["C.SI.2.1", "Prenotazione appuntamenti"],
  ["C.SI.2.2", "Assistenza: contatti"],
  ["C.SI.2.3", "Assistenza: domande frequenti (FAQ)"],
  ["C.SI.2.4", "Segnalazione disservizio"],
  ["C.SI.2.5", "Valutazione delle pagine informative"],
  ["C.SI.2.6", "Valutazione delle pagine dei servizi"],
  ["C.SI.3.1", "Cookie"],
  ["C.SI.3.2", "Dichiarazione di accessibilità"],
  ["C.SI.3.3", "Informativa privacy"],
  ["C.SI.3.4", "Licenza e attribuzione"],
  ["C.SI.4.1", "Velocità e tempi di risposta"],
  ["C.SI.5.1", "Certificato HTTPS"],
  ["C.SI.5.2", "Dominio istituzionale"],
] as const;

export const SERVICE_CRITERIA = [
  ["C.SE.1.1", "Accesso con identità digitale (SPID, CIE)"],
  ["C.SE.1.2", "Conferma di presa in carico della richiesta"],
  ["C.SE.1.3", "Font del modello"],
  ["C.SE.1.4", "Inserimento dati con riepilogo prima dell'invio"],
  ["C.SE.1.5", "Once only: riuso dei dati già forniti"],
  ["C.SE.1.6", "Salvataggio di una bozza"],
  ["C.SE.1.7", "Valutazione del servizio digitale"],
  ["C.SE.1.8", "Stato del servizio, avanzamento e navigazione"],
  ["C.SE.1.9", "Stato e avanzamento della richiesta"],
  ["C.SE.1.10", "Stato della richiesta e tempo massimo"],
  ["C.SE.2.1", "Pagamento (pagoPA)"],
  ["C.SE.2.2", "Prenotazione appuntamenti"],
  ["C.SE.3.1", "Cookie"],
  ["C.SE.3.2", "Dichiarazione di accessibilità"],
  ["C.SE.3.3", "Informativa privacy"],
  ["C.SE.4.1", "Velocità e tempi di risposta"],
  ["C.SE.5.1", "Certificato HTTPS dei servizi"],
  ["C.SE.5.2", "Sottodominio dei servizi"],
] as const;

export const STATUSES = ["da-verificare", "conforme", "tollerato", "non-conforme"] as const;
export type ConformityStatus = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<ConformityStatus, string> = {
  "da-verificare": "Da verificare",
  conforme: "Conforme",
  tollerato: "Tollerato",
  "non-conforme": "Non conforme",
};

const SUBJECTS = new Map<string, string>([...SITE_CRITERIA, ...SERVICE_CRITERIA]);

export function criterionSubject(code: string): string {
  return SUBJECTS.get(code) ?? code;
}

export interface ChecklistItem {
  criterion: string;
  /** For a C.SE criterion, the service it is about; null for the site. */
  servizioId: number | null;
}

/** A stable key for an item, for form field names and maps. */
export function itemKey(item: ChecklistItem): string {
  return `${item.criterion}@${item.servizioId ?? "sito"}`;
}

/** Every criterion the checklist of these services asks about, site first. */
export function checklistItems(services: readonly number[]): ChecklistItem[] {
  return [
    ...SITE_CRITERIA.map(([criterion]) => ({ criterion, servizioId: null })),
    ...services.flatMap((servizioId) =>
      SERVICE_CRITERIA.map(([criterion]) => ({ criterion, servizioId })),
    ),
  ];
}

export interface Readiness {
  total: number;
  conforme: number;
  tollerato: number;
  open: number;
  failing: number;
  /** Nothing fails and nothing is left to check. */
  ready: boolean;
}

export function readiness(
  items: readonly ChecklistItem[],
  statuses: ReadonlyMap<string, ConformityStatus>,
): Readiness {
  const count = { conforme: 0, tollerato: 0, open: 0, failing: 0 };
  for (const item of items) {
    const status = statuses.get(itemKey(item)) ?? "da-verificare";
    if (status === "conforme") count.conforme += 1;
    else if (status === "tollerato") count.tollerato += 1;
    else if (status === "non-conforme") count.failing += 1;
    else count.open += 1;
  }
  return {
    total: items.length,
    ...count,
    ready: items.length > 0 && count.failing === 0 && count.open === 0,
  };
}

export function describeReadiness(r: Readiness): string {
  if (r.ready) return "Pronto per l'invio";
  const parts = [`${r.conforme + r.tollerato} su ${r.total} a posto`];
  if (r.failing) parts.push(`${r.failing} non conformi`);
  if (r.open) parts.push(`${r.open} da verificare`);
  return `Non pronto: ${parts.join(", ")}`;
}
