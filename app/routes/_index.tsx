import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { signedIn } from "~/auth/authorize.server";
import { DeadlineCell } from "~/components/DeadlineCell";
import { formatDate, formatEuro } from "~/domain/format";
import { PHASE_LABELS } from "~/domain/phase";
import { visibleComuni } from "~/models/comuni.server";
import { loadAssessedProgetti, summarize } from "~/models/progetti.server";

export const meta: MetaFunction = () => [{ title: "Progetti PNRR · Cruscotto PNRR" }];

export function loader({ context, request }: LoaderFunctionArgs) {
  const user = signedIn({ context, request });
  const progetti = loadAssessedProgetti(context.db, context.policy, visibleComuni(user));
  return { today: context.policy.today, progetti: progetti.map(summarize) };
}

export default function Home() {
  const { today, progetti } = useLoaderData<typeof loader>();
  const totalCents = progetti.reduce((sum, p) => sum + (p.amountCents ?? 0), 0);
  const late = progetti.filter((p) => p.assessment.next?.status.kind === "overdue").length;
  const atRisk = progetti.filter((p) => p.assessment.next?.status.kind === "at-risk").length;
  return (
    <>
      <h1>Progetti PNRR</h1>
      <ul className="summary" aria-label="Riepilogo">
        <li>
          <strong>{progetti.length}</strong> progetti
        </li>
        <li>
          <strong>{formatEuro(totalCents)}</strong> finanziati
        </li>
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
        <table>
          <caption>
            Situazione al {formatDate(today)}; importi del decreto, o richiesti se non c'è ancora.
          </caption>
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
                    <span
                      className="badge badge-demo"
                      title="Comune inventato per la dimostrazione"
                    >
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
      )}
    </>
  );
}
