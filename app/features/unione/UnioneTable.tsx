import { Link } from "@remix-run/react";
import { describeReadiness } from "~/domain/conformity";
import { describeStatus } from "~/domain/deadlines";
import { formatDate, formatEuro } from "~/domain/format";
import { PHASE_LABELS } from "~/domain/phase";
import { ScrollRegion } from "~/features/portfolio/ScrollRegion";
import type {
  ComparisonQuery,
  ComparisonRow,
  ComparisonTotals,
  DeadlineCell,
  SortKey,
} from "~/features/unione/unione-comparison";

function Deadline({ cell }: { cell: DeadlineCell | null }) {
  if (!cell) return <span className="muted">—</span>;
  return (
    <>
      {formatDate(cell.due)}
      {cell.projected ? " (stimata)" : ""}
      <br />
      <span className={`status-${cell.status.kind}`}>{describeStatus(cell.status)}</span>
    </>
  );
}

function days(value: number | null): string {
  if (value === null) return "—";
  if (value < 0) return `scaduta da ${-value}`;
  return String(value);
}

/** A column header that sorts by its column; a second click reverses the order. */
function SortHeader({
  label,
  column,
  query,
  base,
  numeric,
}: {
  label: string;
  column: SortKey;
  query: ComparisonQuery;
  base: string;
  numeric?: boolean;
}) {
  const active = query.sort === column;
  const direction = active && query.direction === "asc" ? "desc" : "asc";
  const params = new URLSearchParams({ ordina: column, verso: direction });
  if (query.phase) params.set("fase", query.phase);
  if (query.onlyLate) params.set("ritardo", "1");
  return (
    <th
      scope="col"
      className={numeric ? "num" : undefined}
      aria-sort={active ? (query.direction === "asc" ? "ascending" : "descending") : undefined}
    >
      <Link to={`${base}?${params}`}>
        {label}
        <span className="visually-hidden">
          {active
            ? `, ordinato ${query.direction === "asc" ? "in modo crescente" : "in modo decrescente"}`
            : ", ordina"}
        </span>
        {active ? (query.direction === "asc" ? " ▲" : " ▼") : null}
      </Link>
    </th>
  );
}

export function UnioneTable({
  rows,
  totals,
  query,
  base,
  filtered,
}: {
  rows: ComparisonRow[];
  totals: ComparisonTotals;
  query: ComparisonQuery;
  base: string;
  filtered: boolean;
}) {
  const header = (label: string, column: SortKey, numeric = false) => (
    <SortHeader label={label} column={column} query={query} base={base} numeric={numeric} />
  );
  return (
    <ScrollRegion label="Confronto dei comuni, misura 1.4.1 (tabella scorrevole)">
      <table className="comparison">
        <caption>
          Confronto dei comuni{filtered ? " (filtrato)" : ""}: {rows.length} comuni
        </caption>
        <thead>
          <tr>
            {header("Comune", "comune")}
            {header("Fascia", "fascia", true)}
            {header("Importo", "importo", true)}
            <th scope="col" className="num">
              Sito
            </th>
            <th scope="col" className="num">
              Servizi
            </th>
            {header("N. servizi", "servizi", true)}
            <th scope="col">Decreto</th>
            <th scope="col">Fornitore</th>
            {header("Contrattualizzazione entro", "contratto")}
            {header("Completamento entro", "completamento")}
            {header("Fase", "fase")}
            {header("Giorni alla prossima scadenza", "prossima", true)}
            {header("Erogato", "erogato", true)}
            <th scope="col">Conformità</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.comuneId} className={r.late ? "late" : undefined}>
              <th scope="row">
                {r.progettoId ? (
                  <Link to={`/progetti/${r.progettoId}`}>{r.comune}</Link>
                ) : (
                  <Link to={`/comuni/${r.comuneId}`}>{r.comune}</Link>
                )}
                {r.late ? <span className="badge">in ritardo</span> : null}
              </th>
              <td className="num">{r.band?.id ?? "—"}</td>
              <td className="num">{formatEuro(r.amountCents)}</td>
              <td className="num">{formatEuro(r.siteCents)}</td>
              <td className="num">{formatEuro(r.servicesCents)}</td>
              <td className="num">{r.servicesCount}</td>
              <td>
                {r.decretoNumber
                  ? `n. ${r.decretoNumber}${r.decretoOn ? ` del ${formatDate(r.decretoOn)}` : ""}`
                  : "—"}
              </td>
              <td>{r.supplier ?? "—"}</td>
              <td>
                <Deadline cell={r.contract} />
              </td>
              <td>
                <Deadline cell={r.completion} />
              </td>
              <td>{r.phase ? PHASE_LABELS[r.phase] : "Nessun progetto 1.4.1"}</td>
              <td className="num">{days(r.daysToNext)}</td>
              <td className="num">{formatEuro(r.erogatoCents)}</td>
              <td>
                {r.conformity ? (
                  r.progettoId ? (
                    <Link to={`/progetti/${r.progettoId}/conformita`}>
                      {describeReadiness(r.conformity)}
                    </Link>
                  ) : (
                    describeReadiness(r.conformity)
                  )
                ) : (
                  <span className="muted">Checklist non iniziata</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Totale ({totals.comuni} comuni)</th>
            <td />
            <td className="num">{formatEuro(totals.amountCents)}</td>
            <td className="num">{formatEuro(totals.siteCents)}</td>
            <td className="num">{formatEuro(totals.servicesCents)}</td>
            <td className="num">{totals.servicesCount}</td>
            <td colSpan={6}>{totals.late} comuni in ritardo</td>
            <td className="num">{formatEuro(totals.erogatoCents)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </ScrollRegion>
  );
}
