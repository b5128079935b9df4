import type { IsoDate } from "./dates";

/** Where a progetto stands, derived from its recorded steps (never stored, so never stale). */
export type Phase =
  | "candidatura"
  | "finanziato"
  | "contrattualizzato"
  | "concluso"
  | "asseverato"
  | "asseverazione-negativa"
  | "erogato"
  | "rinunciato";

export const PHASE_LABELS: Record<Phase, string> = {
  candidatura: "Candidatura inviata",
  finanziato: "Finanziato",
  contrattualizzato: "Fornitore contrattualizzato",
  concluso: "Attività concluse",
  asseverato: "Asseverato",
  "asseverazione-negativa": "Asseverazione negativa",
  erogato: "Erogato",
  rinunciato: "Rinunciato",
};

/** Phases in order of progress, for funnels and sorting. */
export const PHASE_ORDER: readonly Phase[] = [
  "candidatura",
  "finanziato",
  "contrattualizzato",
  "concluso",
  "asseverazione-negativa",
  "asseverato",
  "erogato",
  "rinunciato",
];

export interface PhaseFacts {
  funded: boolean;
  contractedOn: IsoDate | null;
  concludedOn: IsoDate | null;
  asseverazione: "positiva" | "negativa" | null;
  erogatoOn: IsoDate | null;
  rinunciaOn: IsoDate | null;
}

export function projectPhase(f: PhaseFacts): Phase {
  if (f.rinunciaOn !== null) return "rinunciato";
  if (f.erogatoOn !== null) return "erogato";
  if (f.asseverazione === "positiva") return "asseverato";
  if (f.asseverazione === "negativa") return "asseverazione-negativa";
  if (f.concludedOn !== null) return "concluso";
  if (f.contractedOn !== null) return "contrattualizzato";
  if (f.funded) return "finanziato";
  return "candidatura";
}

/** Once paid or renounced, no deadline applies any more. */
export function isClosed(phase: Phase): boolean {
  return phase === "erogato" || phase === "rinunciato";
}
