import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { canAccessUnione } from "~/auth/access";
import { signedIn } from "~/auth/authorize.server";
import { calendarKey } from "~/auth/calendar-key.server";
import { Pagination } from "~/components/Pagination";
import { Select } from "~/components/Select";
import { TableScroll } from "~/components/TableScroll";
import { describeStatus } from "~/domain/deadlines";
import { formatDate, formatInteger } from "~/domain/format";
import { loadScadenze } from "~/features/deadlines/open-deadlines.server";

/** The page depends only on its viewer, the data and the day: kept until one changes. */
export const handle = { pageCache: true };

export const meta: MetaFunction = () => [{ title: "Scadenze · Cruscotto PNRR" }];

export function loader({ context, request }: LoaderFunctionArgs) {
  const user = signedIn({ context, request });
  const url = new URL(request.url);
  const scadenze = loadScadenze({ ...context, user }, url.searchParams);
  const base = `${context.config.publicUrl}/calendario/${calendarKey(user.id)}`;
  const feeds = [
    ...scadenze.unioni
      .filter((u) => canAccessUnione(user, u.value))
      .map((u) => ({ label: u.label, url: `${base}/unioni/${u.value}.ics` })),
    // Comuni feeds where the Comune filter lists them (a national scope has thousands).
    ...(scadenze.comuni ?? []).map((c) => ({
      label: `Comune di ${c.label}`,
      url: `${base}/comuni/${c.value}.ics`,
    })),
  ];
  return { ...scadenze, feeds };
}

const STATUS_OPTIONS = [
  { value: "all", label: "Tutte le scadenze aperte" },
  { value: "overdue", label: "Scadute" },
  { value: "at-risk", label: "A rischio" },
  { value: "open", label: "Aperte con margine" },
];

/** The export takes the filters, not the page. */
function csvSearch(search: string): string {
  const params = new URLSearchParams(search);
  params.delete("pagina");
  const rest = params.toString();
  return rest ? `?${rest}` : "";
}

export default function Scadenze() {
  const { today, filter, page, rows, unioni, comuni, feeds } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  return (
    <>
      <h1>Scadenze</h1>
      <Form method="get" className="filters">
        <Select
          name="unione"
          label="Unione"
          placeholder="Tutte"
          options={unioni}
          defaultValue={filter.unioneId}
        />
        {comuni ? (
          <Select
            name="comune"
            label="Comune"
            placeholder="Tutti"
            options={comuni}
            defaultValue={filter.comuneId}
          />
        ) : (
          <p className="hint">Scegli un'Unione per filtrare anche per comune.</p>
        )}
        <Select name="stato" label="Stato" options={STATUS_OPTIONS} defaultValue={filter.status} />
        <button type="submit">Filtra</button>
      </Form>
      <p>
        <a href={`/scadenze.csv${csvSearch(search)}`} download>
          Scarica in CSV (Excel)
        </a>{" "}
        <span className="hint">(tutte le scadenze dei filtri, non solo questa pagina)</span>
      </p>
      {rows.length === 0 ? (
        <p>
          {page.total === 0
            ? "Nessuna scadenza aperta con questi filtri."
            : `Nessuna scadenza in questa pagina: le scadenze sono ${formatInteger(page.total)}.`}
        </p>
      ) : (
        <TableScroll label="Scadenze aperte">
          <table>
            <caption>
              {formatInteger(page.total)} scadenze aperte al {formatDate(today)}, la più vicina per
              prima{page.pages > 1 ? ` (pagina ${page.number} di ${page.pages})` : ""}
            </caption>
            <thead>
              <tr>
                <th scope="col">Entro il</th>
                <th scope="col">Scadenza</th>
                <th scope="col">Comune</th>
                <th scope="col">CUP</th>
                <th scope="col">Stato</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.progettoId}-${r.deadline.kind}`}>
                  <td>
                    <time dateTime={r.deadline.due}>{formatDate(r.deadline.due)}</time>
                    {r.deadline.extended ? (
                      <>
                        <br />
                        <span className="muted">
                          prorogata; era {formatDate(r.deadline.originalDue)}
                        </span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {r.label}
                    {r.deadline.projected ? " (stimata)" : ""}
                  </td>
                  <th scope="row">
                    <Link to={`/progetti/${r.progettoId}`}>{r.comune}</Link>
                    {r.unione ? <span className="muted"> · {r.unione}</span> : null}
                  </th>
                  <td>{r.cup ?? "—"}</td>
                  <td className={`status-${r.status.kind}`}>{describeStatus(r.status)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pagination page={page} label="scadenze" />
      <h2>Calendari da sottoscrivere</h2>
      <p>
        Aggiungi questi indirizzi a Outlook o Google Calendar («Aggiungi calendario da URL»): le
        scadenze si aggiornano da sole. Gli indirizzi sono personali: non condividerli.
      </p>
      <ul className="feeds">
        {feeds.map((f) => (
          <li key={f.url}>
            {f.label}: <code>{f.url}</code>
          </li>
        ))}
      </ul>
    </>
  );
}
