import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { signedIn } from "~/auth/authorize.server";
import {
  AreaAmountsChart,
  BandChart,
  PaymentsChart,
  StateLegend,
} from "~/components/NationalCharts";
import { Select } from "~/components/Select";
import { getDb } from "~/db.server";
import { formatEuro, formatInteger, formatPercent } from "~/domain/format";
import {
  monthLabel,
  type OfficialState,
  paidShare,
  STATE_LABELS,
  type StateTotals,
} from "~/domain/national-overview";
import { loadNationalOverview } from "~/models/national-overview.server";

export const meta: MetaFunction = () => [{ title: "Panoramica nazionale · Cruscotto PNRR" }];

export function loader({ context, request }: LoaderFunctionArgs) {
  const user = signedIn({ context, request });
  return loadNationalOverview(getDb(), user, new URL(request.url).searchParams);
}

const STATES: OfficialState[] = ["A", "E", "R"];

function query(params: Record<string, string | number | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== null && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}

function paidText(totals: StateTotals): string {
  const paid = paidShare(totals);
  return paid ? formatPercent(paid.byAmount) : "—";
}

export default function Nazionale() {
  const data = useLoaderData<typeof loader>();
  const { filter, options, totals, paid, areas, comuni, bands, payments } = data;
  const areaLabel = data.areaKind === "provincia" ? "Provincia" : "Regione";
  const place = filter.provincia ?? filter.regione ?? "Italia";
  const base = {
    regione: filter.regione,
    provincia: filter.provincia,
    misura: filter.misura,
    enti: filter.enti === "comuni" ? null : filter.enti,
  };
  return (
    <>
      <h1>Panoramica nazionale PA digitale 2026</h1>
      <p>
        Tutte le candidature finanziate importate dai dati aperti ufficiali.{" "}
        <span className="hint">
          Fonte: Dati PNRR PADigitale2026, Copyright (c) Dipartimento per la trasformazione
          digitale, licenza CC-BY-4.0.
        </span>
      </p>
      <Form method="get" className="filters" aria-label="Filtri della panoramica">
        <Select
          name="regione"
          label="Regione"
          placeholder="Tutte"
          options={options.regioni.map((r) => ({ value: r, label: r }))}
          defaultValue={filter.regione}
        />
        <Select
          name="provincia"
          label="Provincia"
          placeholder="Tutte"
          options={options.province.map((p) => ({ value: p, label: p }))}
          defaultValue={filter.provincia}
        />
        <Select
          name="misura"
          label="Misura"
          placeholder="Tutte"
          options={options.misure}
          defaultValue={filter.misura}
        />
        <Select
          name="enti"
          label="Enti"
          options={[
            { value: "comuni", label: "Solo comuni" },
            { value: "tutti", label: "Tutti gli enti" },
          ]}
          defaultValue={filter.enti}
        />
        <button type="submit">Filtra</button>
      </Form>
      <p className="hint" id="enti-contati">
        {filter.enti === "comuni"
          ? "Sono contati i soli progetti dei comuni. Scegliere «Tutti gli enti» per includere scuole, Regioni, Province, ASL e altri enti."
          : "Sono contati i progetti di tutti gli enti: comuni, scuole, Regioni, Province, ASL e altri enti."}
      </p>

      {totals.total.count === 0 ? (
        <p className="notice">
          Nessun dato importato per questa selezione. Un amministratore può importare il file
          ufficiale delle candidature finanziate da <a href="/admin/importa">Importa</a>.
        </p>
      ) : (
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

          <section aria-labelledby="per-area">
            <h2 id="per-area">Importi per {areaLabel.toLowerCase()} e stato</h2>
            <figure className="chart">
              <AreaAmountsChart id="grafico-aree" areas={areas} />
              <StateLegend />
              <figcaption>
                <AreaTable areas={areas} label={areaLabel} base={base} />
              </figcaption>
            </figure>
          </section>

          {comuni ? (
            <section aria-labelledby="comuni">
              <h2 id="comuni">
                Comuni di {place} ({formatInteger(comuni.count)})
              </h2>
              <p className="hint">
                I progetti del comune stesso, dal più finanziato: scuole, Regioni, ASL e altri enti
                con sede nel comune non sono contati qui. I comuni che non gestisci portano alla
                loro pagina pubblica.
              </p>
              <table>
                <caption>
                  Progetti per comune, pagina {comuni.page} di {comuni.pages}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Comune</th>
                    <th scope="col">Provincia</th>
                    <th scope="col" className="num">
                      Progetti
                    </th>
                    <th scope="col" className="num">
                      Importo
                    </th>
                    <th scope="col" className="num">
                      Erogato
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {comuni.rows.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">
                        {c.readable ? (
                          <Link to={`/comuni/${c.id}`}>{c.name}</Link>
                        ) : c.istat ? (
                          // Outside the user's scope: the comune's public page.
                          <a href={`/attuazione/${c.istat}`}>{c.name}</a>
                        ) : (
                          c.name
                        )}
                      </th>
                      <td>{c.provincia ?? "—"}</td>
                      <td className="num">{formatInteger(c.totals.total.count)}</td>
                      <td className="num">{formatEuro(c.totals.total.amountCents)}</td>
                      <td className="num">{formatEuro(c.totals.byState.E.amountCents)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {comuni.pages > 1 ? (
                <nav aria-label="Pagine dei comuni" className="pagination">
                  {comuni.page > 1 ? (
                    <Link to={query({ ...base, pagina: comuni.page - 1 })}>← Precedente</Link>
                  ) : null}
                  <span>
                    Pagina {comuni.page} di {comuni.pages}
                  </span>
                  {comuni.page < comuni.pages ? (
                    <Link to={query({ ...base, pagina: comuni.page + 1 })}>Successiva →</Link>
                  ) : null}
                </nav>
              ) : null}
            </section>
          ) : (
            <p className="hint">Scegliere una regione per vedere l'elenco dei suoi comuni.</p>
          )}

          <section aria-labelledby="fasce">
            <h2 id="fasce">Comuni per fascia di popolazione e numero di servizi (misura 1.4.1)</h2>
            {filter.misura && filter.misura !== "1.4.1" ? (
              <p>Fasce e servizi riguardano solo la misura 1.4.1.</p>
            ) : (
              <figure className="chart">
                <BandChart id="grafico-fasce" rows={bands.rows} />
                <figcaption>
                  <BandTable bands={bands} />
                </figcaption>
              </figure>
            )}
          </section>

          <section aria-labelledby="erogazioni">
            <h2 id="erogazioni">Erogazioni nel tempo</h2>
            {payments.length === 0 ? (
              <p>Nessuna erogazione per questa selezione.</p>
            ) : (
              <figure className="chart">
                <PaymentsChart id="grafico-erogazioni" points={payments} />
                <ul className="chart-legend" aria-hidden="true">
                  <li>
                    <span className="swatch" style={{ background: "#5fa8d3" }} /> Erogato nel mese
                    (barre, scala a sinistra)
                  </li>
                  <li>- - - Erogato cumulato (linea tratteggiata, scala a destra)</li>
                </ul>
                <figcaption>
                  <table className="chart-table">
                    <caption>Erogazioni per mese (alternativa testuale al grafico)</caption>
                    <thead>
                      <tr>
                        <th scope="col">Mese</th>
                        <th scope="col" className="num">
                          Progetti erogati
                        </th>
                        <th scope="col" className="num">
                          Importo del mese
                        </th>
                        <th scope="col" className="num">
                          Cumulato
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {payments.map((p) => (
                        <tr key={p.month}>
                          <th scope="row">{monthLabel(p.month)}</th>
                          <td className="num">{formatInteger(p.count)}</td>
                          <td className="num">{formatEuro(p.amountCents)}</td>
                          <td className="num">{formatEuro(p.cumulativeCents)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </figcaption>
              </figure>
            )}
          </section>
        </>
      )}
    </>
  );
}

function AreaTable({
  areas,
  label,
  base,
}: {
  areas: { key: string; totals: StateTotals }[];
  label: string;
  base: {
    regione: string | null;
    provincia: string | null;
    misura: string | null;
    enti: string | null;
  };
}) {
  return (
    <table className="chart-table">
      <caption>
        Progetti e importi per {label.toLowerCase()} (alternativa testuale al grafico)
      </caption>
      <thead>
        <tr>
          <th scope="col">{label}</th>
          {STATES.map((s) => (
            <th key={s} scope="col" className="num">
              {STATE_LABELS[s]}
            </th>
          ))}
          <th scope="col" className="num">
            Totale
          </th>
          <th scope="col" className="num">
            Quota erogata
          </th>
        </tr>
      </thead>
      <tbody>
        {areas.map((a) => (
          <tr key={a.key}>
            <th scope="row">
              <Link
                to={query(
                  label === "Regione"
                    ? { regione: a.key, misura: base.misura, enti: base.enti }
                    : { ...base, provincia: a.key },
                )}
              >
                {a.key}
              </Link>
            </th>
            {STATES.map((s) => (
              <td key={s} className="num">
                {formatInteger(a.totals.byState[s].count)} ·{" "}
                {formatEuro(a.totals.byState[s].amountCents)}
              </td>
            ))}
            <td className="num">
              {formatInteger(a.totals.total.count)} · {formatEuro(a.totals.total.amountCents)}
            </td>
            <td className="num">{paidText(a.totals)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function BandTable({
  bands,
}: {
  bands: {
    rows: { band: number; label: string; byServices: number[]; total: number }[];
    byServices: number[];
  };
}) {
  const columns = bands.byServices.map((_, services) => services);
  return (
    <table className="chart-table">
      <caption>
        Comuni per fascia (righe) e numero di servizi finanziati (colonne), alternativa testuale al
        grafico
      </caption>
      <thead>
        <tr>
          <th scope="col">Fascia</th>
          {columns.map((s) => (
            <th key={s} scope="col" className="num">
              {s} serv.
            </th>
          ))}
          <th scope="col" className="num">
            Totale
          </th>
        </tr>
      </thead>
      <tbody>
        {bands.rows.map((r) => (
          <tr key={r.band}>
            <th scope="row">
              Fascia {r.band} ({r.label})
            </th>
            {columns.map((s) => (
              <td key={s} className="num">
                {formatInteger(r.byServices[s] ?? 0)}
              </td>
            ))}
            <td className="num">{formatInteger(r.total)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
