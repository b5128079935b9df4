import { Link } from "@remix-run/react";
import { DeadlineCell } from "~/components/DeadlineCell";
import { TableScroll } from "~/components/TableScroll";
import { formatDate, formatEuro } from "~/domain/format";
import { excludedShort, type GrantTotals } from "~/domain/grant-totals";
import { PHASE_LABELS } from "~/domain/phase";
import type { ProgettoSummary } from "~/models/progetti.server";

/** "€ 2.009.837,00 finanziati, esclusi 1 rinunciato (€ 50.000,00)": the rule of grant-totals.ts. */
export function FundedTotal({ totals }: { totals: GrantTotals }) {
  const excluded = excludedShort(totals.excluded);
  return (
    <li>
      <strong>{formatEuro(totals.amountCents)}</strong> finanziati
      {excluded ? `, ${excluded}` : null}
    </li>
  );
}

export function AllProgetti({
  today,
  progetti,
  totals,
}: {
  today: string;
  progetti: ProgettoSummary[];
  totals: GrantTotals;
}) {
  const late = progetti.filter((p) => p.assessment.next?.status.kind === "overdue").length;
  const atRisk = progetti.filter((p) => p.assessment.next?.status.kind === "at-risk").length;
  return (
    <>
      <h1>Progetti PNRR</h1>
      <ul className="summary" aria-label="Riepilogo">
        <li>
          <strong>{progetti.length}</strong> progetti
        </li>
        <FundedTotal totals={totals} />
        <li>
          <strong>{late}</strong> con scadenze superate
        </li>
        <li>
          <strong>{atRisk}</strong> a rischio
        </li>
      </ul>
      {progetti.length === 0 ? (
        <p>Nessun progetto registrato.</p>
      ) : (
        <ProgettiTable
          caption={`Situazione al ${formatDate(today)}; importi del decreto, o richiesti se non c'è ancora.`}
          progetti={progetti}
        />
      )}
    </>
  );
}

export function ProgettiTable({
  id,
  caption,
  progetti,
}: {
  id?: string;
  caption: string;
  progetti: ProgettoSummary[];
}) {
  return (
    <TableScroll label={caption}>
      <table id={id}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Comune</th>
            <th scope="col">Misura</th>
            <th scope="col">CUP</th>
            <th scope="col" className="num">
              Importo
            </th>
            <th scope="col">Stato</th>
            <th scope="col">Prossima scadenza</th>
          </tr>
        </thead>
        <tbody>
          {progetti.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                <Link to={`/comuni/${p.comuneId}`}>{p.comune}</Link>
                {p.comuneFictional ? (
                  <span className="badge badge-demo" title="Comune inventato per la dimostrazione">
                    dimostrativo
                  </span>
                ) : null}
              </th>
              <td>{p.misura}</td>
              <td>
                <Link to={`/progetti/${p.id}`}>{p.cup ?? "CUP non assegnato"}</Link>
              </td>
              <td className="num">{p.amountCents === null ? "—" : formatEuro(p.amountCents)}</td>
              <td>{PHASE_LABELS[p.assessment.phase]}</td>
              <td>
                <DeadlineCell assessment={p.assessment} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
