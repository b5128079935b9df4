/**
 * The Unione comparison as table rows for export: "excel" for Italian Excel (decimal comma,
 * dd/mm/yyyy, words, a totals row) and "plain" for machines (decimal point, ISO dates, codes).
 */
import { describeStatus } from "../../domain/deadlines";
import { formatDate } from "../../domain/format";
import { PHASE_LABELS } from "../../domain/phase";
import type { ComparisonRow, ComparisonTotals } from "./unione-comparison";

type Cell = string | number | null;

const HEADER = [
  "Comune",
  "CUP",
  "Fascia",
  "Importo",
  "Sito",
  "Servizi (importo)",
  "Numero servizi",
  "Decreto n.",
  "Data decreto",
  "Fornitore",
  "Scadenza contratto",
  "Stato contratto",
  "Scadenza completamento",
  "Stato completamento",
  "Fase",
  "Giorni alla prossima scadenza",
  "Erogato",
];

/** Cents as euros with two decimals: "328160,00" for Excel, "328160.00" for machines. */
function euros(cents: number, excel: boolean): string {
  const text = (cents / 100).toFixed(2);
  return excel ? text.replace(".", ",") : text;
}

export function comparisonTable(
  rows: readonly ComparisonRow[],
  totals: ComparisonTotals,
  flavour: "excel" | "plain",
): Cell[][] {
  const excel = flavour === "excel";
  const date = (d: string | null) => (d === null ? null : excel ? formatDate(d) : d);
  const body = rows.map((r): Cell[] => [
    r.comune,
    r.cup,
    r.band?.id ?? null,
    euros(r.amountCents, excel),
    euros(r.siteCents, excel),
    euros(r.servicesCents, excel),
    r.servicesCount,
    r.decretoNumber,
    date(r.decretoOn),
    r.supplier,
    date(r.contract?.due ?? null),
    r.contract ? (excel ? describeStatus(r.contract.status) : r.contract.status.kind) : null,
    date(r.completion?.due ?? null),
    r.completion ? (excel ? describeStatus(r.completion.status) : r.completion.status.kind) : null,
    r.phase === null ? null : excel ? PHASE_LABELS[r.phase] : r.phase,
    r.daysToNext,
    euros(r.erogatoCents, excel),
  ]);
  if (!excel) return [HEADER, ...body];
  const total: Cell[] = [
    `Totale (${totals.comuni} comuni)`,
    null,
    null,
    euros(totals.amountCents, true),
    euros(totals.siteCents, true),
    euros(totals.servicesCents, true),
    totals.servicesCount,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    euros(totals.erogatoCents, true),
  ];
  return [HEADER, ...body, total];
}

/** The same data as JSON for machines: amounts in cents, ISO dates, codes. */
export function comparisonJson(
  unione: { id: number; name: string },
  today: string,
  rows: readonly ComparisonRow[],
  totals: ComparisonTotals,
) {
  return {
    unione,
    date: today,
    totals,
    comuni: rows.map((r) => ({
      comuneId: r.comuneId,
      comune: r.comune,
      progettoId: r.progettoId,
      cup: r.cup,
      band: r.band?.id ?? null,
      amountCents: r.amountCents,
      siteCents: r.siteCents,
      servicesCents: r.servicesCents,
      servicesCount: r.servicesCount,
      decreto: r.decretoNumber ? { number: r.decretoNumber, date: r.decretoOn } : null,
      supplier: r.supplier,
      contractDeadline: r.contract,
      completionDeadline: r.completion,
      phase: r.phase,
      daysToNextDeadline: r.daysToNext,
      erogatoCents: r.erogatoCents,
      late: r.late,
    })),
  };
}
