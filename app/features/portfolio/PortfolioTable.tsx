/** A comune's grants grouped by measure, with their totals (comune page). */
import { Link } from "@remix-run/react";
import { TableScroll } from "~/components/TableScroll";
import { describeStatus } from "~/domain/deadlines";
import { formatDate, formatEuro } from "~/domain/format";
import { excludedNote, type Grant, type MisuraGroup, type MoneyTotals } from "./portfolio";

const COLUMNS = [
  "Progetto",
  "Importo",
  "Stato",
  "Prossima scadenza",
  "Erogato",
  "Economie residue",
] as const;
const NUMERIC = new Set(["Importo", "Erogato", "Economie residue"]);

export function NextDeadline({ next }: { next: Grant["next"] }) {
  if (!next) return <span className="muted">—</span>;
  return (
    <>
      {next.label}: {formatDate(next.due)}
      <br />
      <span className={`status-${next.status.kind}`}>{describeStatus(next.status)}</span>
    </>
  );
}

export function Leftover({ grant }: { grant: Grant }) {
  if (grant.leftoverCents === null) return <span className="muted">—</span>;
  return (
    <>
      {formatEuro(Math.max(0, grant.leftoverCents))}
      {grant.leftoverWarnings.map((w) => (
        <span key={w} className="hint">
          <br />
          {w}
        </span>
      ))}
    </>
  );
}

export function GrantState({ grant }: { grant: Grant }) {
  return (
    <>
      {grant.state}
      {grant.excluded ? <span className="muted"> (escluso dai totali)</span> : null}
    </>
  );
}

export function PortfolioTable({ groups, totals }: { groups: MisuraGroup[]; totals: MoneyTotals }) {
  const note = excludedNote(totals);
  return (
    <section aria-labelledby="portafoglio">
      <h2 id="portafoglio">Finanziamenti per misura</h2>
      {groups.length === 0 ? (
        <p>Nessun finanziamento registrato per il comune.</p>
      ) : (
        <>
          <TableScroll label="Finanziamenti per misura">
            <table className="portfolio">
              <caption>Finanziamenti del comune per misura</caption>
              <thead>
                <tr>
                  {COLUMNS.map((c) => (
                    <th key={c} scope="col" className={NUMERIC.has(c) ? "num" : undefined}>
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              {groups.map((group) => (
                <tbody key={group.code}>
                  <tr>
                    <th scope="rowgroup" colSpan={COLUMNS.length}>
                      Misura {group.code} · {group.title}
                    </th>
                  </tr>
                  {group.grants.map((g) => (
                    <tr key={g.progettoId}>
                      <th scope="row">
                        <Link to={`/progetti/${g.progettoId}`}>
                          CUP {g.cup ?? "non assegnato"}
                          {g.window === null ? "" : ` · finestra ${g.window}`}
                        </Link>
                      </th>
                      <td className="num">{formatEuro(g.amountCents)}</td>
                      <td>
                        <GrantState grant={g} />
                      </td>
                      <td>
                        <NextDeadline next={g.next} />
                      </td>
                      <td className="num">{formatEuro(g.paidCents)}</td>
                      <td className="num">
                        <Leftover grant={g} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              ))}
              <tfoot>
                <tr>
                  <th scope="row">
                    Totale ({totals.grants}{" "}
                    {totals.grants === 1 ? "finanziamento" : "finanziamenti"})
                  </th>
                  <td className="num">{formatEuro(totals.grantedCents)}</td>
                  <td />
                  <td />
                  <td className="num">{formatEuro(totals.paidCents)}</td>
                  <td className="num">{formatEuro(totals.leftoverCents)}</td>
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
