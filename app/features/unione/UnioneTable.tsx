import { Link } from "@remix-run/react";
import { TableScroll } from "~/components/TableScroll";
import { describeReadiness } from "~/domain/conformity";
import { describeStatus } from "~/domain/deadlines";
import { formatDate, formatEuro } from "~/domain/format";
import { PHASE_LABELS } from "~/domain/phase";
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

/** The amount's two parts under it: the site and the services. */
function AmountSplit({ site, services }: { site: number; services: number }) {
  return (
    <span className="amount-split">
      sito {formatEuro(site)}
      <br />
      servizi {formatEuro(services)}
    </span>
  );
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
    <TableScroll label="Confronto dei comuni, misura 1.4.1">
      <table className="comparison">
        <caption>
          Confronto dei comuni{filtered ? " (filtrato)" : ""}: {rows.length} comuni
        </caption>
        <thead>
          <tr>
            {header("Comune", "comune")}
            {header("Fase", "fase")}
            {header("Giorni alla prossima scadenza", "prossima", true)}
            {header("Erogato", "erogato", true)}
            <th scope="col">Conformità</th>
            {header("Importo", "importo", true)}
            {header("Fascia", "fascia", true)}
            {header("N. servizi", "servizi", true)}
            <th scope="col">Decreto e fornitore</th>
            {header("Contrattualizzazione entro", "contratto")}
            {header("Completamento entro", "completamento")}
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
              <td className="num">
                {formatEuro(r.amountCents)}
                <AmountSplit site={r.siteCents} services={r.servicesCents} />
              </td>
              <td className="num">{r.band?.id ?? "—"}</td>
              <td className="num">{r.servicesCount}</td>
              <td>
                {r.decretoNumber
                  ? `n. ${r.decretoNumber}${r.decretoOn ? ` del ${formatDate(r.decretoOn)}` : ""}`
                  : "—"}
                {r.supplier ? (
                  <>
                    <br />
                    <span className="muted">{r.supplier}</span>
                  </>
                ) : null}
              </td>
              <td>
                <Deadline cell={r.contract} />
              </td>
              <td>
                <Deadline cell={r.completion} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Totale ({totals.comuni} comuni)</th>
            <td colSpan={2}>{totals.late} comuni in ritardo</td>
            <td className="num">{formatEuro(totals.erogatoCents)}</td>
            <td />
            <td className="num">
              {formatEuro(totals.amountCents)}
              <AmountSplit site={totals.siteCents} services={totals.servicesCents} />
            </td>
            <td />
            <td className="num">{totals.servicesCount}</td>
            <td colSpan={3} />
          </tr>
        </tfoot>
      </table>
    </TableScroll>
  );
}
