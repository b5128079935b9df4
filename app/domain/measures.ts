/** PNRR measures of PA digitale 2026 that progetti can belong to. Only 1.4.1 has built-in rules. */
export interface Misura {
  code: string;
  title: string;
  missione: string;
  componente: string;
  investimento: string;
}

const M1C1 = { missione: "M1", componente: "M1C1" } as const;

export const MISURE: readonly Misura[] = [
  { code: "1.1", title: "Infrastrutture digitali", ...M1C1, investimento: "1.1" },
  {
    code: "1.2",
    title: "Abilitazione e facilitazione migrazione al Cloud",
    ...M1C1,
    investimento: "1.2",
  },
  { code: "1.3.1", title: "Piattaforma Digitale Nazionale Dati", ...M1C1, investimento: "1.3" },
  {
    code: "1.4.1",
    title: "Esperienza del cittadino nei servizi pubblici",
    ...M1C1,
    investimento: "1.4",
  },
  { code: "1.4.3", title: "Adozione PagoPA e AppIO", ...M1C1, investimento: "1.4" },
  { code: "1.4.4", title: "Adozione identità digitale", ...M1C1, investimento: "1.4" },
  { code: "1.4.5", title: "Digitalizzazione degli avvisi pubblici", ...M1C1, investimento: "1.4" },
];

export function misuraByCode(code: string): Misura | undefined {
  return MISURE.find((m) => m.code === code);
}

/** "1.4.1 Esperienza del cittadino nei servizi pubblici" → "1.4.1" */
export function misuraCodeOf(label: string): string | undefined {
  return /^\s*(\d+(?:\.\d+)+)/.exec(label)?.[1];
}

/** Avvisi whose amounts and deadlines the rules engine knows. */
export const RULES = {
  comuni141: "misura-1.4.1-comuni",
} as const;
