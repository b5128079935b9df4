import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { adminOnly, authorizeUnione } from "~/auth/authorize.server";
import { parseRecordId } from "~/auth/canonical-path";
import { Select } from "~/components/Select";
import { formatDate, formatEuro } from "~/domain/format";
import { PHASE_LABELS, PHASE_ORDER, type Phase } from "~/domain/phase";
import {
  AmountsChart,
  AmountsLegend,
  FunnelChart,
  LanesChart,
  LanesLegend,
} from "~/features/unione/UnioneCharts";
import { UnioneTable } from "~/features/unione/UnioneTable";
import { MARK_LABELS } from "~/features/unione/unione-lanes";
import { addMember, removeMember } from "~/features/unione/unione-membership.server";
import { loadUnionePage } from "~/features/unione/unione-view.server";
import { actorOf } from "~/models/audited.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.unione.name ?? "Unione"} · Cruscotto PNRR` },
];

export function loader(args: LoaderFunctionArgs) {
  const { context } = args;
  const { user, unioneId } = authorizeUnione(args);
  const page = loadUnionePage(
    context.db,
    unioneId,
    context.policy,
    new URL(args.request.url).searchParams,
  );
  if (!page) throw new Response("Unione non trovata", { status: 404 });
  return { ...page, canAddMembers: user.role === "admin" };
}

/**
 * A coordinatore may remove members; adding one gives write access to that comune, so it
 * is an administrator's act.
 */
export async function action(args: ActionFunctionArgs) {
  const { context } = args;
  const { user, unioneId } = authorizeUnione(args);
  const form = await args.request.formData();
  const actor = actorOf(user);
  if (form.get("intent") === "remove")
    return removeMember(
      context.db,
      actor,
      unioneId,
      parseRecordId(String(form.get("comuneId"))) ?? 0,
    );
  return addMember(
    context.db,
    actorOf(adminOnly(args)),
    unioneId,
    String(form.get("comune") ?? ""),
  );
}

export default function UnionePage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { search } = useLocation();
  const { unione, query, rows, totals, allTotals, funnel, lanes } = data;
  const base = `/unioni/${unione.id}`;
  const filtered = query.phase !== null || query.onlyLate;
  const phaseHref = (phase: Phase) => `${base}?fase=${phase}`;
  return (
    <>
      <p className="breadcrumb no-print">
        <Link to="/unioni">Unioni</Link> › {unione.name}
      </p>
      <h1>{unione.name}</h1>
      <p>
        {allTotals.comuni} comuni, misura 1.4.1: {formatEuro(allTotals.amountCents)} finanziati,{" "}
        {formatEuro(allTotals.erogatoCents)} erogati; {allTotals.late} con scadenze non rispettate.
        Situazione al {formatDate(data.today)}.
      </p>
      <ul className="actions no-print">
        <li>
          <a href={`${base}/confronto.csv`}>Scarica il confronto per Excel (CSV)</a>
        </li>
        <li>
          <a href={`${base}/confronto-dati.csv`}>CSV per programmi</a>
        </li>
        <li>
          <a href={`${base}/confronto.json`}>JSON</a>
        </li>
        <li>
          <a href={`${base}/stampa${search}`}>Versione per la stampa (A4 orizzontale)</a>
        </li>
      </ul>

      <Form method="get" className="filters no-print" aria-label="Filtri del confronto">
        <input type="hidden" name="ordina" value={query.sort} />
        <input type="hidden" name="verso" value={query.direction} />
        <Select
          name="fase"
          label="Fase"
          placeholder="Tutte"
          options={PHASE_ORDER.map((p) => ({ value: p, label: PHASE_LABELS[p] }))}
          defaultValue={query.phase}
        />
        <div className="field checkbox">
          <input
            type="checkbox"
            id="ritardo"
            name="ritardo"
            value="1"
            defaultChecked={query.onlyLate}
          />
          <label htmlFor="ritardo">Solo comuni in ritardo</label>
        </div>
        <button type="submit">Filtra</button>
        {filtered ? <Link to={base}>Mostra tutti</Link> : null}
      </Form>

      <UnioneTable rows={rows} totals={totals} query={query} base={base} filtered={filtered} />

      <section aria-labelledby="importi">
        <h2 id="importi">Importi per comune: sito e servizi</h2>
        <figure className="chart">
          <AmountsChart id="grafico-importi" rows={rows} />
          <AmountsLegend id="grafico-importi" />
          <figcaption>
            <table className="chart-table">
              <caption>
                Importi per comune: sito e servizi (alternativa testuale al grafico)
              </caption>
              <thead>
                <tr>
                  <th scope="col">Comune</th>
                  <th scope="col" className="num">
                    Sito
                  </th>
                  <th scope="col" className="num">
                    Servizi
                  </th>
                  <th scope="col" className="num">
                    Totale
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.comuneId}>
                    <th scope="row">
                      {r.progettoId ? (
                        <Link to={`/progetti/${r.progettoId}`}>{r.comune}</Link>
                      ) : (
                        r.comune
                      )}
                    </th>
                    <td className="num">{formatEuro(r.siteCents)}</td>
                    <td className="num">{formatEuro(r.servicesCents)}</td>
                    <td className="num">{formatEuro(r.amountCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </figcaption>
        </figure>
      </section>

      <section aria-labelledby="cronologia">
        <h2 id="cronologia">Tappe e scadenze di ogni comune</h2>
        {lanes ? (
          <figure className="chart">
            <LanesChart id="grafico-corsie" chart={lanes} />
            <LanesLegend />
            <figcaption>
              <table className="chart-table">
                <caption>Tappe e finestre per comune (alternativa testuale al grafico)</caption>
                <thead>
                  <tr>
                    <th scope="col">Comune</th>
                    <th scope="col">Tappe</th>
                    <th scope="col">Finestre di scadenza</th>
                  </tr>
                </thead>
                <tbody>
                  {lanes.lanes.map((lane) => (
                    <tr key={lane.comuneId}>
                      <th scope="row">
                        {lane.progettoId ? (
                          <Link to={`/progetti/${lane.progettoId}`}>{lane.comune}</Link>
                        ) : (
                          lane.comune
                        )}
                      </th>
                      <td>
                        {lane.marks.length === 0
                          ? "—"
                          : lane.marks
                              .map(
                                (m) =>
                                  `${MARK_LABELS[m.kind]} ${formatDate(m.date)}${m.late ? " (in ritardo)" : ""}`,
                              )
                              .join("; ")}
                      </td>
                      <td>
                        {lane.windows.length === 0
                          ? "—"
                          : lane.windows
                              .map(
                                (w) =>
                                  `${w.kind === "contract" ? "Contrattualizzare" : "Completare"} dal ${formatDate(w.from)} al ${formatDate(w.to)}${w.projected ? " (stimata)" : ""}`,
                              )
                              .join("; ")}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </figcaption>
          </figure>
        ) : (
          <p>Nessuna tappa con data registrata.</p>
        )}
      </section>

      <section aria-labelledby="fasi">
        <h2 id="fasi">Quanti comuni in ogni fase</h2>
        <figure className="chart">
          <FunnelChart id="grafico-fasi" funnel={funnel} hrefOf={phaseHref} />
          <figcaption>
            <table className="chart-table">
              <caption>Comuni per fase (alternativa testuale al grafico)</caption>
              <thead>
                <tr>
                  <th scope="col">Fase</th>
                  <th scope="col" className="num">
                    Comuni
                  </th>
                </tr>
              </thead>
              <tbody>
                {funnel.map((f) => (
                  <tr key={f.phase}>
                    <th scope="row">
                      {f.count > 0 ? (
                        <Link to={phaseHref(f.phase)}>{PHASE_LABELS[f.phase]}</Link>
                      ) : (
                        PHASE_LABELS[f.phase]
                      )}
                    </th>
                    <td className="num">{f.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </figcaption>
        </figure>
      </section>

      <section aria-labelledby="membri" className="no-print">
        <h2 id="membri">Comuni dell'Unione</h2>
        {result ? (
          <p
            className={result.ok ? "notice" : "error-message"}
            role={result.ok ? "status" : "alert"}
          >
            {result.message}
          </p>
        ) : null}
        <ul className="members">
          {data.members.map((m) => (
            <li key={m.id}>
              <Link to={`/comuni/${m.id}`}>{m.name}</Link>{" "}
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="comuneId" value={m.id} />
                <button type="submit" className="link-button danger">
                  Togli {m.name} dall'Unione
                </button>
              </Form>
            </li>
          ))}
        </ul>
        {data.canAddMembers ? (
          <>
            <Form method="post" className="filters">
              <input type="hidden" name="intent" value="add" />
              <div className="field">
                <label htmlFor="comune">Aggiungi un comune (nome o codice ISTAT)</label>
                <input id="comune" name="comune" autoComplete="off" />
              </div>
              <button type="submit">Aggiungi</button>
            </Form>
            <p className="hint">Un comune può far parte di una sola Unione.</p>
          </>
        ) : (
          <p className="hint">
            Entrare nell'Unione dà ai suoi coordinatori la modifica dei dati del comune: per
            aggiungere un comune rivolgersi a un amministratore.
          </p>
        )}
      </section>
    </>
  );
}
