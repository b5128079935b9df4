import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatDate } from "~/domain/format";
import { PHASE_LABELS } from "~/domain/phase";
import { MatrixSection } from "~/features/unione/PortfolioSections";
import { AmountsChart, AmountsLegend } from "~/features/unione/UnioneCharts";
import { UnioneTable } from "~/features/unione/UnioneTable";
import type { loader } from "./unioni.$id";

export { loader } from "./unioni.$id";

/** The root layout leaves out header and navigation for this page. */
export const handle = { layout: "print", pageCache: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.unione.name ?? "Unione"}: confronto per la stampa · Cruscotto PNRR` },
];

export default function UnionePrint() {
  const { unione, today, rows, totals, query, funnel, matrix } = useLoaderData<typeof loader>();
  const filtered = query.phase !== null || query.onlyLate;
  return (
    <div className="print-page">
      <p className="no-print">
        <a href={`/unioni/${unione.id}`}>← Torna alla pagina dell'Unione</a> · Stampare con Ctrl+P
        (il foglio è già impostato A4 orizzontale).
      </p>
      <h1>
        {unione.name}: attuazione della misura 1.4.1 al {formatDate(today)}
      </h1>
      <UnioneTable
        rows={rows}
        totals={totals}
        query={query}
        base={`/unioni/${unione.id}`}
        filtered={filtered}
      />
      <h2>Importi per comune: sito e servizi</h2>
      <AmountsChart id="stampa-importi" rows={rows} />
      <AmountsLegend id="stampa-importi" />
      <h2>Comuni per fase</h2>
      <p>
        {funnel
          .filter((f) => f.count > 0)
          .map((f) => `${PHASE_LABELS[f.phase]}: ${f.count}`)
          .join(" · ")}
      </p>
      <MatrixSection matrix={matrix} />
    </div>
  );
}
