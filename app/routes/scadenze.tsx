import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { canAccessUnione } from "~/auth/access";
import { signedIn } from "~/auth/authorize.server";
import { calendarKey } from "~/auth/calendar-key.server";
import { Select } from "~/components/Select";
import { DEADLINE_LABELS, describeStatus } from "~/domain/deadlines";
import { formatDate } from "~/domain/format";
import { loadScadenze } from "~/features/deadlines/open-deadlines.server";

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
    ...scadenze.comuni.map((c) => ({
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

export default function Scadenze() {
  const { today, filter, rows, unioni, comuni, feeds } = useLoaderData<typeof loader>();
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
        <Select
          name="comune"
          label="Comune"
          placeholder="Tutti"
          options={comuni}
          defaultValue={filter.comuneId}
        />
        <Select name="stato" label="Stato" options={STATUS_OPTIONS} defaultValue={filter.status} />
        <button type="submit">Filtra</button>
      </Form>
      <p>
        <a href={`/scadenze.csv${search}`} download>
          Scarica in CSV (Excel)
        </a>
      </p>
      {rows.length === 0 ? (
        <p>Nessuna scadenza aperta con questi filtri.</p>
      ) : (
        <table>
          <caption>
            {rows.length} scadenze aperte al {formatDate(today)}, la più vicina per prima
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
                  {formatDate(r.deadline.due)}
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
                  {DEADLINE_LABELS[r.deadline.kind]}
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
      )}
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
