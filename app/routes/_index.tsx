import { type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { signedIn } from "~/auth/authorize.server";
import { Pagination } from "~/components/Pagination";
import { TableScroll } from "~/components/TableScroll";
import { formatDate, formatInteger } from "~/domain/format";
import { PHASE_LABELS, PHASE_ORDER } from "~/domain/phase";
import { loadDashboard } from "~/features/dashboard/dashboard.server";
import { AllProgetti, FundedTotal, ProgettiTable } from "~/features/dashboard/ProgettiTable";
import { STATE_LABELS } from "~/features/national-overview/national-overview";

/** The page depends only on its viewer, the data and the day: kept until one changes. */
export const handle = { pageCache: true };

export const meta: MetaFunction = () => [{ title: "Progetti PNRR · Cruscotto PNRR" }];

export function loader({ context, request }: LoaderFunctionArgs) {
  // A citizen finds the comuni's public pages; the staff sign in from there.
  if (!context.user) throw redirect("/attuazione");
  const user = signedIn({ context, request });
  return loadDashboard({ ...context, user }, new URL(request.url).searchParams);
}

export default function Home() {
  const data = useLoaderData<typeof loader>();
  if (data.mode === "all")
    return <AllProgetti today={data.today} progetti={data.progetti} totals={data.totals} />;
  const { today, summary, urgent, search, misure, results } = data;
  const next = summary.byNextDeadline;
  return (
    <>
      <h1>Progetti PNRR</h1>
      <ul className="summary" aria-label="Riepilogo">
        <li>
          <strong>{formatInteger(summary.total)}</strong> progetti
        </li>
        <FundedTotal totals={summary.totals} />
        <li>
          <strong>{formatInteger(next.overdue)}</strong> con scadenze superate
        </li>
        <li>
          <strong>{formatInteger(next.atRisk)}</strong> a rischio
        </li>
      </ul>
      <div className="counts">
        <TableScroll label="Progetti per fase">
          <table>
            <caption>Progetti per fase</caption>
            <tbody>
              {PHASE_ORDER.filter((p) => summary.byPhase[p]).map((p) => (
                <tr key={p}>
                  <th scope="row">{PHASE_LABELS[p]}</th>
                  <td className="num">{formatInteger(summary.byPhase[p] ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
        <dl className="totals" aria-label="Per stato ufficiale e prossima scadenza">
          {(["A", "E", "R"] as const).map((s) => (
            <div key={s}>
              <dt>{STATE_LABELS[s]} (dati ufficiali)</dt>
              <dd>{formatInteger(summary.byOfficialState[s] ?? 0)}</dd>
            </div>
          ))}
          <div>
            <dt>Prossima scadenza aperta con margine</dt>
            <dd>{formatInteger(next.open)}</dd>
          </div>
          <div>
            <dt>Senza scadenze aperte</dt>
            <dd>{formatInteger(next.none)}</dd>
          </div>
        </dl>
      </div>

      <h2 id="cerca">Cerca un progetto</h2>
      <Form method="get" className="filters" aria-labelledby="cerca">
        <div className="field">
          <label htmlFor="comune">Comune</label>
          <input id="comune" name="comune" defaultValue={search.comune} maxLength={80} />
        </div>
        <div className="field">
          <label htmlFor="cup">CUP (anche le prime cifre)</label>
          <input id="cup" name="cup" defaultValue={search.cup} maxLength={15} />
        </div>
        <div className="field">
          <label htmlFor="misura">Misura</label>
          <select id="misura" name="misura" defaultValue={search.misura}>
            <option value="">Tutte</option>
            {misure.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">Cerca</button>
      </Form>
      {results ? (
        results.page.total === 0 ? (
          <p role="status">Nessun progetto trovato.</p>
        ) : (
          <>
            <ProgettiTable
              id="risultati"
              caption={`${formatInteger(results.page.total)} progetti trovati, per comune${
                results.page.pages > 1
                  ? ` (pagina ${results.page.number} di ${results.page.pages})`
                  : ""
              }`}
              progetti={results.rows}
            />
            <Pagination page={results.page} label="progetti trovati" />
          </>
        )
      ) : null}

      <h2>Le scadenze più vicine</h2>
      {urgent.length === 0 ? (
        <p>Nessuna scadenza aperta.</p>
      ) : (
        <ProgettiTable
          id="piu-urgenti"
          caption={`I ${urgent.length} progetti con la prossima scadenza più vicina al ${formatDate(today)}; tutte in Scadenze.`}
          progetti={urgent}
        />
      )}
      <p>
        <Link to="/scadenze">Tutte le scadenze</Link>
      </p>
    </>
  );
}

/** A bounded scope (an editor's comuni, a small Unione): every progetto, as always. */
