import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { signedIn } from "~/auth/authorize.server";
import { Pagination } from "~/components/Pagination";
import { TableScroll } from "~/components/TableScroll";
import { formatEuro, formatInteger } from "~/domain/format";
import { loadReconciliationPage } from "~/features/reconciliation/reconciliation.server";
import { visibleComuni } from "~/models/comuni.server";

/** The page depends only on its viewer, the data and the day: kept until one changes. */
export const handle = { pageCache: true };

export const meta: MetaFunction = () => [
  { title: "Riconciliazione con i dati ufficiali · Cruscotto PNRR" },
];

export function loader({ context, request }: LoaderFunctionArgs) {
  const user = signedIn({ context, request });
  return loadReconciliationPage(context.db, visibleComuni(user), new URL(request.url).searchParams);
}

export default function Riconciliazione() {
  const { totals, checked, page, rows } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Riconciliazione con i dati ufficiali</h1>
      <p>
        Confronto tra i dati pubblicati da PA digitale 2026 e quelli inseriti nel cruscotto, per i
        progetti 1.4.1 dei comuni. <a href="/riconciliazione.csv">Scarica in CSV (Excel)</a>
      </p>
      {totals.length ? (
        <TableScroll label="Totali per Unione">
          <table>
            <caption>Totali per Unione</caption>
            <thead>
              <tr>
                <th scope="col">Unione</th>
                <th scope="col" className="num">
                  Dati ufficiali
                </th>
                <th scope="col" className="num">
                  Dati inseriti
                </th>
                <th scope="col" className="num">
                  Differenza
                </th>
              </tr>
            </thead>
            <tbody>
              {totals.map((t) => (
                <tr key={t.name}>
                  <th scope="row">{t.name}</th>
                  <td className="num">{formatEuro(t.official)}</td>
                  <td className="num">{formatEuro(t.entered)}</td>
                  <td className="num">
                    {t.official === t.entered ? "nessuna" : formatEuro(t.entered - t.official)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      <h2>
        Progetti da verificare ({formatInteger(page.total)} su {formatInteger(checked)})
      </h2>
      {page.total === 0 ? (
        <p>Nessuna differenza.</p>
      ) : (
        <TableScroll label="Differenze e controlli sull'importo">
          <table id="da-verificare">
            <caption>
              Differenze e controlli sull'importo
              {page.pages > 1 ? ` (pagina ${page.number} di ${page.pages})` : ""}
            </caption>
            <thead>
              <tr>
                <th scope="col">Comune</th>
                <th scope="col">CUP</th>
                <th scope="col">Importo scomponibile</th>
                <th scope="col">Fascia da importo / da popolazione</th>
                <th scope="col">Differenze (ufficiale → inserito)</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((i) => (
                <tr key={i.id}>
                  <th scope="row">
                    <Link to={`/progetti/${i.id}`}>{i.comune}</Link>
                  </th>
                  <td>{i.cup ?? "—"}</td>
                  <td>{i.result.decomposes ? "sì" : "no"}</td>
                  <td>
                    {i.result.impliedBand ?? "—"} / {i.result.populationBand ?? "—"}
                    {i.result.bandMatches === false ? " (diverse)" : ""}
                  </td>
                  <td>
                    {i.result.differences.map((d) => (
                      <div key={d.field}>
                        {d.field}: {d.official} → {d.entered}
                      </div>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pagination page={page} label="progetti da verificare" />
    </>
  );
}
