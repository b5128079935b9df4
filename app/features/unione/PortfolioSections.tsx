/**
 * The Unione page's second comparison, by measure: the matrix comune × measure, the money
 * granted, paid and left over per comune (a chart with its table), and the upkeep and
 * sample checks of every member.
 */
import { Link } from "@remix-run/react";
import { ChartFigure } from "~/components/ChartFigure";
import { TableScroll } from "~/components/TableScroll";
import { formatDate, formatEuro, formatEuroShort } from "~/domain/format";
import { EVENT_OUTCOME_LABELS } from "~/domain/vocabulary";
import { excludedNote, type MoneyTotals } from "~/features/portfolio/portfolio";
import type { MatrixRow, SampleCheckRow, UnioneMatrix, UpkeepRow } from "./unione-matrix";

function MoneyCells({ totals }: { totals: MoneyTotals }) {
  return (
    <>
      <td className="num">{formatEuro(totals.grantedCents)}</td>
      <td className="num">{formatEuro(totals.paidCents)}</td>
      <td className="num">{formatEuro(totals.leftoverCents)}</td>
    </>
  );
}

export function MatrixSection({ matrix }: { matrix: UnioneMatrix }) {
  const note = excludedNote(matrix.total);
  return (
    <section aria-labelledby="per-misura">
      <h2 id="per-misura">Confronto per misura</h2>
      {matrix.columns.length === 0 ? (
        <p>Nessun comune dell'Unione ha finanziamenti registrati.</p>
      ) : (
        <>
          <TableScroll label="Confronto per misura">
            <table className="matrix">
              <caption>
                Finanziamenti dei comuni per misura: stato e importo di ogni finanziamento, con i
                totali per comune e per misura
              </caption>
              <thead>
                <tr>
                  <th scope="col">Comune</th>
                  {matrix.columns.map((c) => (
                    <th key={c.code} scope="col">
                      Misura {c.code}
                      <br />
                      <span className="hint">{c.title}</span>
                    </th>
                  ))}
                  <th scope="col" className="num">
                    Finanziato
                  </th>
                  <th scope="col" className="num">
                    Erogato
                  </th>
                  <th scope="col" className="num">
                    Economie residue
                  </th>
                </tr>
              </thead>
              <tbody>
                {matrix.rows.map((r) => (
                  <tr key={r.comuneId}>
                    <th scope="row">
                      <Link to={`/comuni/${r.comuneId}`}>{r.comune}</Link>
                    </th>
                    {r.cells.map((cell, i) => (
                      <td key={matrix.columns[i]?.code}>
                        {cell === null ? (
                          <span className="muted">—</span>
                        ) : (
                          cell.grants.map((g) => (
                            <p key={g.progettoId} className="matrix-grant">
                              <Link to={`/progetti/${g.progettoId}`}>
                                {formatEuro(g.amountCents)}
                              </Link>
                              <br />
                              {g.state}
                              {g.excluded ? (
                                <span className="muted"> (escluso dai totali)</span>
                              ) : null}
                            </p>
                          ))
                        )}
                      </td>
                    ))}
                    <MoneyCells totals={r.totals} />
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Totale ({matrix.total.grants} finanziamenti)</th>
                  {matrix.columnTotals.map((t, i) => (
                    <td key={matrix.columns[i]?.code} className="num">
                      {formatEuro(t.grantedCents)}
                    </td>
                  ))}
                  <MoneyCells totals={matrix.total} />
                </tr>
              </tfoot>
            </table>
          </TableScroll>
          {note ? <p className="hint">{note}</p> : null}
        </>
      )}
    </section>
  );
}

const MONEY_BARS = [
  { key: "grantedCents", label: "Finanziato", fill: "#004d99", legend: "tinta piena" },
  { key: "paidCents", label: "Erogato", fill: "hatch", legend: "tratteggio" },
  { key: "leftoverCents", label: "Economie residue", fill: "#f2c94c", legend: "giallo" },
] as const;

function fillOf(id: string, fill: string) {
  return fill === "hatch" ? `url(#${id}-hatch)` : fill;
}

/** About five round steps (1, 2 or 5 × 10ⁿ cents) from zero past the largest value. */
function euroTicks(max: number): number[] {
  if (max <= 0) return [0];
  const rough = max / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((f) => f * power >= rough) ?? 10) * power;
  return Array.from({ length: Math.ceil(max / step) + 1 }, (_, i) => i * step);
}

const CHART = { width: 900, label: 170, right: 70, top: 8, row: 42, bar: 10, axis: 28 };

/**
 * Three bars per comune, drawn as plain SVG: recharts would take several times longer to
 * render 90 bars on the server, and the page must answer in under 100 ms for 30 comuni.
 */
function MoneyChart({ id, rows }: { id: string; rows: MatrixRow[] }) {
  const max = Math.max(0, ...rows.flatMap((r) => MONEY_BARS.map((b) => r.totals[b.key])));
  const ticks = euroTicks(max);
  const top = ticks.at(-1) || 1;
  const plot = CHART.width - CHART.label - CHART.right;
  const x = (cents: number) => CHART.label + (cents / top) * plot;
  const height = CHART.top + rows.length * CHART.row + CHART.axis;
  const axisY = CHART.top + rows.length * CHART.row;
  return (
    <div className="chart-scroll" aria-hidden="true">
      <svg id={id} width={CHART.width} height={height} role="presentation" fontSize={13}>
        <defs>
          <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill="#9cc8ee" />
            <path d="M0,6 L6,0" stroke="#004d99" strokeWidth="1.5" />
          </pattern>
        </defs>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={CHART.top} y2={axisY} stroke="#e6e9f2" />
            <text x={x(t)} y={axisY + 18} textAnchor="middle" fill="#333">
              {formatEuroShort(t)}
            </text>
          </g>
        ))}
        {rows.map((r, i) => {
          const y = CHART.top + i * CHART.row;
          return (
            <a key={r.comuneId} href={`/comuni/${r.comuneId}`} tabIndex={-1}>
              <text
                x={CHART.label - 8}
                y={y + CHART.row / 2}
                dy="0.35em"
                textAnchor="end"
                fill="#333"
              >
                {r.comune}
              </text>
              {MONEY_BARS.map((b, j) => (
                <rect
                  key={b.key}
                  x={CHART.label}
                  y={y + 5 + j * (CHART.bar + 1)}
                  width={Math.max(0, x(r.totals[b.key]) - CHART.label)}
                  height={CHART.bar}
                  fill={fillOf(id, b.fill)}
                  stroke="#1a1a1a"
                  strokeWidth={0.5}
                />
              ))}
            </a>
          );
        })}
        <line x1={CHART.label} x2={CHART.label} y1={CHART.top} y2={axisY} stroke="#666" />
      </svg>
    </div>
  );
}

function MoneyLegend({ id }: { id: string }) {
  return (
    <ul className="chart-legend" aria-hidden="true">
      {MONEY_BARS.map((b, j) => (
        <li key={b.key}>
          <svg width="24" height="14" role="presentation">
            <rect width="24" height="14" fill={fillOf(id, b.fill)} stroke="#1a1a1a" />
          </svg>{" "}
          {b.label} ({b.legend}, {["prima", "seconda", "terza"][j]} barra di ogni comune)
        </li>
      ))}
    </ul>
  );
}

export function MoneySection({ matrix }: { matrix: UnioneMatrix }) {
  const id = "grafico-denaro";
  return (
    <section aria-labelledby="denaro">
      <h2 id="denaro">Denaro finanziato, erogato e residuo per comune</h2>
      <p className="hint">
        Tutte le misure; senza i finanziamenti rinunciati o revocati. Le economie residue sono il
        contributo erogato meno i contratti e i riutilizzi già registrati.
      </p>
      <ChartFigure
        chart={<MoneyChart id={id} rows={matrix.rows} />}
        legend={<MoneyLegend id={id} />}
        table={{
          caption: "Denaro finanziato, erogato e residuo per comune",
          columns: [
            { header: "Comune" },
            { header: "Finanziato", numeric: true },
            { header: "Erogato", numeric: true },
            { header: "Economie residue", numeric: true },
          ],
          rows: matrix.rows.map((r) => ({
            key: r.comuneId,
            header: <Link to={`/comuni/${r.comuneId}`}>{r.comune}</Link>,
            cells: [
              formatEuro(r.totals.grantedCents),
              formatEuro(r.totals.paidCents),
              formatEuro(r.totals.leftoverCents),
            ],
          })),
          foot: {
            key: "totale",
            header: "Totale",
            cells: [
              formatEuro(matrix.total.grantedCents),
              formatEuro(matrix.total.paidCents),
              formatEuro(matrix.total.leftoverCents),
            ],
          },
        }}
      />
    </section>
  );
}

export function UpkeepSection({ rows }: { rows: UpkeepRow[] }) {
  return (
    <section aria-labelledby="mantenimento">
      <h2 id="mantenimento">Obblighi di mantenimento</h2>
      {rows.length === 0 ? (
        <p>Nessun finanziamento erogato: nessun obbligo di mantenimento in corso.</p>
      ) : (
        <TableScroll label="Obblighi di mantenimento">
          <table className="portfolio-list">
            <caption>
              Servizi e sito da mantenere attivi per cinque anni dal 31 dicembre dell'anno
              dell'erogazione
            </caption>
            <thead>
              <tr>
                <th scope="col">Comune</th>
                <th scope="col">Misura</th>
                <th scope="col">Erogato il</th>
                <th scope="col">Mantenimento fino al</th>
                <th scope="col">Dichiarazioni annuali mancanti</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.progettoId}>
                  <th scope="row">
                    <Link to={`/progetti/${r.progettoId}`}>{r.comune}</Link>
                  </th>
                  <td>{r.misura}</td>
                  <td>{formatDate(r.paidOn)}</td>
                  <td>{formatDate(r.until)}</td>
                  <td>{r.missing.length ? r.missing.join(", ") : "Nessuna"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

export function SampleChecksSection({ rows }: { rows: SampleCheckRow[] }) {
  return (
    <section aria-labelledby="controlli">
      <h2 id="controlli">Controlli a campione</h2>
      {rows.length === 0 ? (
        <p>Nessun controllo a campione registrato.</p>
      ) : (
        <TableScroll label="Controlli a campione">
          <table className="portfolio-list">
            <caption>Controlli a campione sui finanziamenti erogati ai comuni dell'Unione</caption>
            <thead>
              <tr>
                <th scope="col">Comune</th>
                <th scope="col">Misura</th>
                <th scope="col">Richiesto il</th>
                <th scope="col">Documenti inviati il</th>
                <th scope="col">Esito</th>
                <th scope="col" className="num">
                  Da restituire
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.progettoId}-${r.requestedOn}`}>
                  <th scope="row">
                    <Link to={`/progetti/${r.progettoId}`}>{r.comune}</Link>
                  </th>
                  <td>{r.misura}</td>
                  <td>{formatDate(r.requestedOn)}</td>
                  <td>{r.documentsSentOn ? formatDate(r.documentsSentOn) : "—"}</td>
                  <td>{r.outcome ? EVENT_OUTCOME_LABELS[r.outcome] : "In corso"}</td>
                  <td className="num">
                    {r.amountToReturnCents === null ? "—" : formatEuro(r.amountToReturnCents)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
