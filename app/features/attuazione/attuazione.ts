/**
 * What the public "Attuazione misure PNRR" pages say about a progetto: only what a comune
 * publishes (no internal notes, no reasons of istanze, no unpublished documents), in the
 * words of the comuni's own pages.
 */
import { type ClosureState, describeClosureState } from "../../domain/closure";
import { formatEuro, formatFileSize } from "../../domain/format";
import type { GrantTotals } from "../../domain/grant-totals";
import { misuraByCode } from "../../domain/measures";
import { PHASE_LABELS, type Phase } from "../../domain/phase";
import { servizioById } from "../../domain/services";
import { buildTimeline, type TimelineFacts } from "../../domain/timeline";

export const FUNDING_SOURCE = "Unione europea – NextGenerationEU";
/** What the PNRR publicity rules ask every public page to say, next to the EU emblem. */
export const FUNDING_STATEMENT = "Finanziato dall'Unione europea – NextGenerationEU";

export const MISSIONI: Record<string, string> = {
  M1: "Missione 1 – Digitalizzazione, innovazione, competitività, cultura e turismo",
};
export const COMPONENTI: Record<string, string> = {
  M1C1: "Componente 1 – Digitalizzazione, innovazione e sicurezza nella PA",
};
export const INVESTIMENTI: Record<string, string> = {
  "1.1": "Investimento 1.1 – Infrastrutture digitali",
  "1.2": "Investimento 1.2 – Abilitazione e facilitazione migrazione al cloud",
  "1.3": "Investimento 1.3 – Dati e interoperabilità",
  "1.4": "Investimento 1.4 – Servizi digitali e esperienza dei cittadini",
};

export interface PublicStep {
  date: string | null;
  title: string;
  details: string[];
}

/** The steps as the public sees them: the internal fields are dropped before building. */
export function publicTimeline(facts: TimelineFacts): PublicStep[] {
  return buildTimeline({
    ...facts,
    istanze: facts.istanze.map((i) => ({ ...i, reason: null })),
    eventi: facts.eventi.map((e) => ({ ...e, note: null })),
  }).map(({ date, title, details }) => ({ date, title, details }));
}

/** "Allegato 110,77 KB formato pdf", as the comuni's pages describe an attachment. */
export function attachmentLabel(sizeBytes: number, originalName: string): string {
  const format = originalName.toLowerCase().endsWith(".p7m") ? "p7m" : "pdf";
  return `Allegato ${formatFileSize(sizeBytes)} formato ${format}`;
}

/** Services in force, by name, and each accepted substitution in words. */
export function servicesText(
  services: readonly number[],
  substitutions: readonly { removed: readonly number[]; added: readonly number[] }[],
): { services: string[]; substitutions: string[] } {
  const name = (id: number) => servizioById(id).name;
  return {
    services: services.map(name),
    substitutions: substitutions.map(
      (s) =>
        `${s.removed.map((id) => `«${name(id)}»`).join(", ")} sostituito da ${s.added
          .map((id) => `«${name(id)}»`)
          .join(", ")}`,
    ),
  };
}

/** schema.org description of the grant, for search engines and open-data crawlers. */
export function grantJsonLd(p: {
  url: string;
  title: string;
  cup: string | null;
  amountCents: number | null;
  misura: string;
  comune: string;
  dateModified: string | null;
}) {
  return {
    "@context": "https://schema.org",
    "@type": "MonetaryGrant",
    url: p.url,
    name: p.title,
    ...(p.cup ? { identifier: { "@type": "PropertyValue", propertyID: "CUP", value: p.cup } } : {}),
    ...(p.amountCents === null
      ? {}
      : {
          amount: {
            "@type": "MonetaryAmount",
            currency: "EUR",
            value: (p.amountCents / 100).toFixed(2),
          },
        }),
    funder: { "@type": "Organization", name: FUNDING_SOURCE },
    description: `PNRR, misura ${p.misura} ${misuraByCode(p.misura)?.title ?? ""}`.trim(),
    fundedItem: {
      "@type": "Project",
      name: p.title,
      sponsor: { "@type": "GovernmentOrganization", name: `Comune di ${p.comune}` },
    },
    ...(p.dateModified ? { dateModified: p.dateModified } : {}),
  };
}

/**
 * A progetto's state in the public's words: after payment the obligations that follow it
 * ("In mantenimento fino al 31/12/2030"), or the revoca; before it, the phase.
 */
export function publicState(phase: Phase, closure: ClosureState | null): string {
  if (closure === null) return PHASE_LABELS[phase];
  const text = describeClosureState(closure);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// The rule of what a total counts lives in the domain, for every page that totals money.
export {
  type GrantTotals,
  grantTotals,
  type Withdrawal,
  withdrawalOf,
} from "../../domain/grant-totals";

/** "Il totale esclude 1 progetto rinunciato (€ 50.000,00)."; null when nothing is left out. */
export function exclusionText(excluded: GrantTotals["excluded"]): string | null {
  const count = (n: number, one: string, many: string) =>
    n === 0 ? null : n === 1 ? `1 progetto ${one}` : `${n} progetti ${many}`;
  const parts = [
    count(excluded.rinunciati, "rinunciato", "rinunciati"),
    count(excluded.revocati, "revocato", "revocati"),
  ].filter((p): p is string => p !== null);
  if (parts.length === 0) return null;
  return `Il totale esclude ${parts.join(" e ")} (${formatEuro(excluded.amountCents)}).`;
}
