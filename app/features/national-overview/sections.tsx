/** The sections of the national overview: each chart with its table, and the comuni list. */
import { Link } from "@remix-run/react";
import { ChartFigure, DataTable } from "~/components/ChartFigure";
import { formatEuro, formatInteger, formatPercent } from "~/domain/format";
import {
  monthLabel,
  type OfficialState,
  paidShare,
  paymentBins,
  STATE_LABELS,
  type StateTotals,
} from "~/features/national-overview/national-overview";
import { AreaAmountsChart, BandChart, PaymentsChart, StateLegend } from "./NationalCharts";

export const STATES: OfficialState[] = ["A", "E", "R"];

export interface OverviewFilter {
  regione: string | null;
  provincia: string | null;
  misura: string | null;
  /** null for the default (comuni only). */
  enti: string | null;
}

/** A link to the overview with these filters (empty values left out). */
export function overviewQuery(params: Record<string, string | number | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== null && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}

const paidText = (totals: StateTotals) => {
  const paid = paidShare(totals);
  return paid ? formatPercent(paid.byAmount) : "—";
};
const countAndAmount = (t: { count: number; amountCents: number }) =>
  `${formatInteger(t.count)} · ${formatEuro(t.amountCents)}`;

export function Totals({ place, totals }: { place: string; totals: StateTotals }) {
  const paid = paidShare(totals);
  return (
    <>
      <h2>{place}: totali</h2>
      <dl className="totals">
        <div>
          <dt>Progetti finanziati</dt>
          <dd>{formatInteger(totals.total.count)}</dd>
        </div>
        <div>
          <dt>Importo complessivo</dt>
          <dd>{formatEuro(totals.total.amountCents)}</dd>
        </div>
        {STATES.map((s) => (
          <div key={s}>
            <dt>{STATE_LABELS[s]}</dt>
            <dd>
              {formatInteger(totals.byState[s].count)} progetti,{" "}
              {formatEuro(totals.byState[s].amountCents)}
            </dd>
          </div>
        ))}
        <div>
          <dt>Quota erogata (progetti non rinunciati)</dt>
          <dd>
            {paid
              ? `${formatPercent(paid.byAmount)} dell'importo, ${formatPercent(paid.byCount)} dei progetti`
              : "—"}
          </dd>
        </div>
      </dl>
    </>
  );
}

export function AreaSection({
  areas,
  areaKind,
  filter,
}: {
  areas: { key: string; totals: StateTotals }[];
  areaKind: string;
  filter: OverviewFilter;
}) {
  const label = areaKind === "provincia" ? "Provincia" : "Regione";
  const byRegione = label === "Regione";
  return (
    <section aria-labelledby="per-area">
      <h2 id="per-area">Importi per {label.toLowerCase()} e stato</h2>
      <ChartFigure
        chart={<AreaAmountsChart id="grafico-aree" areas={areas} />}
        input={areas}
        legend={<StateLegend />}
        table={{
          caption: `Progetti e importi per ${label.toLowerCase()}`,
          columns: [
            { header: label },
            ...STATES.map((s) => ({ header: STATE_LABELS[s], numeric: true })),
            { header: "Totale", numeric: true },
            { header: "Quota erogata", numeric: true },
          ],
          rows: areas.map((a) => ({
            key: a.key,
            header: (
              <Link
                to={overviewQuery(
                  byRegione
                    ? { regione: a.key, misura: filter.misura, enti: filter.enti }
                    : { ...filter, provincia: a.key },
                )}
              >
                {a.key}
              </Link>
            ),
            cells: [
              ...STATES.map((s) => countAndAmount(a.totals.byState[s])),
              countAndAmount(a.totals.total),
              paidText(a.totals),
            ],
          })),
        }}
      />
    </section>
  );
}

export function BandSection({
  misura,
  bands,
}: {
  misura: string | null;
  bands: {
    rows: { band: number; label: string; byServices: number[]; total: number }[];
    byServices: number[];
  };
}) {
  const columns = bands.byServices.map((_, services) => services);
  return (
    <section aria-labelledby="fasce">
      <h2 id="fasce">Comuni per fascia di popolazione e numero di servizi (misura 1.4.1)</h2>
      {misura && misura !== "1.4.1" ? (
        <p>Fasce e servizi riguardano solo la misura 1.4.1.</p>
      ) : (
        <ChartFigure
          chart={<BandChart id="grafico-fasce" rows={bands.rows} />}
          input={bands.rows}
          table={{
            caption: "Comuni per fascia (righe) e numero di servizi finanziati (colonne)",
            columns: [
              { header: "Fascia" },
              ...columns.map((s) => ({ header: `${s} serv.`, numeric: true })),
              { header: "Totale", numeric: true },
            ],
            rows: bands.rows.map((r) => ({
              key: r.band,
              header: `Fascia ${r.band} (${r.label})`,
              cells: [
                ...columns.map((s) => formatInteger(r.byServices[s] ?? 0)),
                formatInteger(r.total),
              ],
            })),
          }}
        />
      )}
    </section>
  );
}

export function PaymentsSection({
  payments,
}: {
  payments: { month: string; count: number; amountCents: number; cumulativeCents: number }[];
}) {
  return (
    <section aria-labelledby="erogazioni">
      <h2 id="erogazioni">Erogazioni nel tempo</h2>
      {payments.length === 0 ? (
        <p>Nessuna erogazione per questa selezione.</p>
      ) : (
        <ChartFigure
          chart={<PaymentsChart id="grafico-erogazioni" points={payments} />}
          input={payments}
          legend={
            <ul className="chart-legend" aria-hidden="true">
              <li>
                <span className="swatch" style={{ background: "#5fa8d3" }} /> Erogato nel{" "}
                {paymentBins(payments).unit === "quarter" ? "trimestre" : "mese"} (barre, scala a
                sinistra)
              </li>
              <li>- - - Erogato cumulato (linea tratteggiata, scala a destra)</li>
            </ul>
          }
          table={{
            caption: "Erogazioni per mese",
            columns: [
              { header: "Mese" },
              { header: "Progetti erogati", numeric: true },
              { header: "Importo del mese", numeric: true },
              { header: "Cumulato", numeric: true },
            ],
            rows: payments.map((p) => ({
              key: p.month,
              header: monthLabel(p.month),
              cells: [
                formatInteger(p.count),
                formatEuro(p.amountCents),
                formatEuro(p.cumulativeCents),
              ],
            })),
          }}
        />
      )}
    </section>
  );
}

interface ComuneRow {
  id: number;
  name: string;
  istat: string | null;
  provincia: string | null;
  readable: boolean;
  totals: StateTotals;
}

export function ComuniSection({
  place,
  comuni,
  filter,
}: {
  place: string;
  comuni: { count: number; page: number; pages: number; rows: ComuneRow[] };
  filter: OverviewFilter;
}) {
  return (
    <section aria-labelledby="comuni">
      <h2 id="comuni">
        Comuni di {place} ({formatInteger(comuni.count)})
      </h2>
      <p className="hint">
        I progetti del comune stesso, dal più finanziato: scuole, Regioni, ASL e altri enti con sede
        nel comune non sono contati qui. I comuni che non gestisci portano alla loro pagina
        pubblica.
      </p>
      <DataTable
        caption={`Progetti per comune, pagina ${comuni.page} di ${comuni.pages}`}
        columns={[
          { header: "Comune" },
          { header: "Provincia" },
          { header: "Progetti", numeric: true },
          { header: "Importo", numeric: true },
          { header: "Erogato", numeric: true },
        ]}
        rows={comuni.rows.map((c) => ({
          key: c.id,
          header: c.readable ? (
            <Link to={`/comuni/${c.id}`}>{c.name}</Link>
          ) : c.istat ? (
            // Outside the user's scope: the comune's public page.
            <a href={`/attuazione/${c.istat}`}>{c.name}</a>
          ) : (
            c.name
          ),
          cells: [
            c.provincia ?? "—",
            formatInteger(c.totals.total.count),
            formatEuro(c.totals.total.amountCents),
            formatEuro(c.totals.byState.E.amountCents),
          ],
        }))}
      />
      {comuni.pages > 1 ? (
        <nav aria-label="Pagine dei comuni" className="pagination">
          {comuni.page > 1 ? (
            <Link to={overviewQuery({ ...filter, pagina: comuni.page - 1 })}>← Precedente</Link>
          ) : null}
          <span>
            Pagina {comuni.page} di {comuni.pages}
          </span>
          {comuni.page < comuni.pages ? (
            <Link to={overviewQuery({ ...filter, pagina: comuni.page + 1 })}>Successiva →</Link>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}
