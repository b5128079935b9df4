import { Form, Link } from "@remix-run/react";
import { DEADLINE_LABELS, describeStatus } from "~/domain/deadlines";
import { formatDate, formatFileSize } from "~/domain/format";
import type { ProgettoAssessment } from "~/domain/progetto";
import type { TimelineEntry } from "~/domain/timeline";

const EDIT_PATHS: Record<string, (id: number) => string> = {
  candidatura: () => "candidatura",
  decreto: () => "decreto",
  istanza: (id) => `istanze/${id}`,
  determina: (id) => `determine/${id}`,
  evento: (id) => `eventi/${id}`,
};

interface DocumentItem {
  id: number;
  title: string;
  sizeBytes: number;
  mediaType: string;
  publishable: boolean;
  uploadedAt: string;
  stepKey: string;
}

/** The progetto's story in date order, with the documents under each step. */
export function ProgettoTimeline({
  progettoId,
  timeline,
  documenti,
  editable,
}: {
  progettoId: number;
  timeline: TimelineEntry[];
  documenti: DocumentItem[];
  editable: boolean;
}) {
  return (
    <ol className="timeline">
      {timeline.map((entry) => (
        <li key={entry.key}>
          <p className="timeline-date">
            {entry.date ? formatDate(entry.date) : "Data non indicata"}
          </p>
          <h3>{entry.title}</h3>
          {entry.details.map((d) => (
            <p key={d}>{d}</p>
          ))}
          <DocumentList
            progettoId={progettoId}
            documenti={documenti.filter((d) => d.stepKey === entry.key)}
            editable={editable}
          />
          {editable && entry.ref ? (
            <p>
              <Link to={EDIT_PATHS[entry.ref.step]?.("id" in entry.ref ? entry.ref.id : 0) ?? "."}>
                Modifica<span className="visually-hidden"> {entry.title}</span>
              </Link>
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** Both deadlines with the statuses the read model gave them (the request's policy). */
export function DeadlineList({ assessment }: { assessment: ProgettoAssessment }) {
  const known = (["contract", "completion"] as const).flatMap((kind) => {
    const deadline = assessment.deadlines[kind];
    const status = assessment.statuses[kind];
    return deadline && status ? [{ ...deadline, status }] : [];
  });
  if (known.length === 0)
    return (
      <p className="muted">
        Le scadenze decorrono dalla notifica del decreto, non ancora registrata.
      </p>
    );
  return (
    <ul className="plain">
      {known.map((d) => (
        <li key={d.kind}>
          <strong>{DEADLINE_LABELS[d.kind]}</strong>: entro il {formatDate(d.due)}
          {d.projected ? " (stimata: manca ancora il contratto)" : ""}
          {d.extended ? ` — prorogata; scadenza originaria ${formatDate(d.originalDue)}` : ""} ·{" "}
          <span className={`status-${d.status.kind}`}>{describeStatus(d.status)}</span>
        </li>
      ))}
    </ul>
  );
}

export function DocumentList({
  progettoId,
  documenti,
  editable,
}: {
  progettoId: number;
  editable: boolean;
  documenti: {
    id: number;
    title: string;
    sizeBytes: number;
    mediaType: string;
    publishable: boolean;
    uploadedAt: string;
  }[];
}) {
  if (documenti.length === 0) return null;
  return (
    <ul className="documents">
      {documenti.map((d) => (
        <li key={d.id}>
          <a href={`/progetti/${progettoId}/documenti/${d.id}`}>{d.title}</a>{" "}
          <span className="muted">
            Allegato {formatFileSize(d.sizeBytes)} formato{" "}
            {d.mediaType === "application/pdf" ? "pdf" : "pdf firmato (p7m)"}
            {d.publishable ? " · pubblicabile" : " · riservato"}
          </span>
          {editable ? (
            <Form
              method="post"
              action={`/progetti/${progettoId}/documenti/${d.id}`}
              className="inline-form"
            >
              <input type="hidden" name="intent" value="delete" />
              <button type="submit" className="link-button danger">
                Elimina<span className="visually-hidden"> {d.title}</span>
              </button>
            </Form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
