import { TableScroll } from "~/components/TableScroll";
import { STATUS_LABELS, STATUSES } from "~/domain/conformity";
import { formatDate } from "~/domain/format";
import type { loadChecklist } from "./conformity.server";

type Item = ReturnType<typeof loadChecklist>["items"][number];

/** Every criterion with its status, note, evidence and the automatic check's proposal. */
export function ChecklistTable({
  items,
  errors,
}: {
  items: Item[];
  errors: Record<string, string>;
}) {
  const checklist = { items };
  return (
    <TableScroll label="Criteri del sito e dei servizi">
      <table className="checklist">
        <caption>Criteri del sito (C.SI) e di ogni servizio (C.SE)</caption>
        <thead>
          <tr>
            <th scope="col">Criterio</th>
            <th scope="col">Stato</th>
            <th scope="col">Nota ed evidenza</th>
            <th scope="col">Verifica automatica</th>
          </tr>
        </thead>
        <tbody>
          {checklist.items.map((item) => (
            <tr key={item.key}>
              <th scope="row">
                {item.criterion} {item.subject}
                {item.servizio ? <div className="muted">{item.servizio}</div> : null}
                {item.setBy ? (
                  <div className="muted">
                    impostato da {item.setBy} il {formatDate(item.setAt ?? "")}
                  </div>
                ) : null}
              </th>
              <td>
                <label className="visually-hidden" htmlFor={`status:${item.key}`}>
                  Stato di {item.criterion}
                  {item.servizio ? ` per ${item.servizio}` : ""}
                </label>
                <select
                  id={`status:${item.key}`}
                  name={`status:${item.key}`}
                  defaultValue={item.status}
                >
                  {STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {STATUS_LABELS[s]}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <label className="visually-hidden" htmlFor={`note:${item.key}`}>
                  Nota su {item.criterion}
                </label>
                <input
                  id={`note:${item.key}`}
                  name={`note:${item.key}`}
                  defaultValue={item.note ?? ""}
                  placeholder="Nota"
                />
                <label className="visually-hidden" htmlFor={`evidence:${item.key}`}>
                  Indirizzo dell'evidenza per {item.criterion}
                </label>
                <input
                  id={`evidence:${item.key}`}
                  name={`evidence:${item.key}`}
                  defaultValue={item.evidenceUrl ?? ""}
                  placeholder="https://… (evidenza)"
                />
                {errors[`evidence:${item.key}`] ? (
                  <p className="error-message">{errors[`evidence:${item.key}`]}</p>
                ) : null}
              </td>
              <td>
                {item.automatic ? (
                  <>
                    Proposta: <strong>{STATUS_LABELS_AUTOMATIC[item.automatic.outcome]}</strong>
                    <div className="muted">
                      {item.automatic.detail} ({formatDate(item.automatic.checkedAt)})
                    </div>
                  </>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

const STATUS_LABELS_AUTOMATIC = {
  conforme: "conforme",
  "non-conforme": "non conforme",
  "non-verificabile": "non verificabile",
} as const;
