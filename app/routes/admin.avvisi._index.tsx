import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { adminOnly } from "~/auth/authorize.server";
import { TableScroll } from "~/components/TableScroll";
import { AMOUNT_RULE_LABELS, deadlineRulesOf, describeCounting } from "~/domain/avviso-rules";
import { formatDate } from "~/domain/format";
import { listAvvisi } from "~/models/avvisi.server";

export const meta: MetaFunction = () => [{ title: "Avvisi e regole · Cruscotto PNRR" }];

export function loader(args: LoaderFunctionArgs) {
  adminOnly(args);
  return { avvisi: listAvvisi(args.context.db) };
}

export default function Avvisi() {
  const { avvisi } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Avvisi e regole</h1>
      <p>
        Le regole di ogni avviso: quali importi valgono, come si contano le scadenze e l'eventuale
        data ultima che nessuna proroga supera. Dove le regole non sono note, valgono le scadenze
        della piattaforma PA digitale 2026 che il RUP inserisce nel progetto.
      </p>
      <TableScroll label="Avvisi di PA digitale 2026">
        <table id="avvisi">
          <caption>Avvisi di PA digitale 2026, per misura e apertura</caption>
          <thead>
            <tr>
              <th scope="col">Avviso</th>
              <th scope="col">Misura</th>
              <th scope="col">Importi</th>
              <th scope="col">Contrattualizzazione</th>
              <th scope="col">Completamento</th>
              <th scope="col">Data ultima</th>
              <th scope="col">Progetti</th>
            </tr>
          </thead>
          <tbody>
            {avvisi.map((a) => {
              const rules = deadlineRulesOf(a);
              return (
                <tr key={a.id}>
                  <th scope="row">
                    <Link to={`/admin/avvisi/${a.id}`}>{a.title}</Link>
                  </th>
                  <td>{a.misura}</td>
                  <td>
                    {a.rules === null
                      ? AMOUNT_RULE_LABELS.decreto
                      : (AMOUNT_RULE_LABELS[a.rules as keyof typeof AMOUNT_RULE_LABELS] ?? a.rules)}
                  </td>
                  <td>{describeCounting(rules.contract)}</td>
                  <td>{describeCounting(rules.completion)}</td>
                  <td>{a.finalDeadline ? formatDate(a.finalDeadline) : "—"}</td>
                  <td className="num">{a.progetti}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
