import { Link } from "@remix-run/react";
import { DEADLINE_CHANGE_LABELS, type DeadlineChangeKind } from "~/domain/avviso-rules";
import { DEADLINE_LABELS, type DeadlineKind, describeStatus } from "~/domain/deadlines";
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
    <>
      <p className="actions">
        <a href={`/progetti/${progettoId}/dossier`}>Dossier del progetto da stampare (A4)</a>
        <a href={`/progetti/${progettoId}/dossier.zip`}>
          Scarica tutti i documenti (ZIP con indice)
        </a>
      </p>
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
                <Link
                  to={EDIT_PATHS[entry.ref.step]?.("id" in entry.ref ? entry.ref.id : 0) ?? "."}
                >
                  Modifica<span className="visually-hidden"> {entry.title}</span>
                </Link>
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}

/** Both deadlines with the statuses the read model gave them (the request's policy). */
export function DeadlineList({
  assessment,
  countedRules = true,
}: {
  assessment: ProgettoAssessment;
  /** Whether the avviso's rules count the deadlines (else the platform's dates are needed). */
  countedRules?: boolean;
}) {
  const known = (["contract", "completion"] as const).flatMap((kind) => {
    const deadline = assessment.deadlines[kind];
    const status = assessment.statuses[kind];
    return deadline && status ? [{ ...deadline, status }] : [];
  });
  if (known.length === 0)
    return (
      <p className="muted">
        {countedRules
          ? "Le scadenze decorrono dalla notifica del decreto, non ancora registrata."
          : "Le regole di questo avviso non sono note: inserisci le scadenze indicate dalla piattaforma PA digitale 2026."}
      </p>
    );
  return (
    <ul className="plain">
      {known.map((d) => (
        <li key={d.kind}>
          <strong>{DEADLINE_LABELS[d.kind]}</strong>: entro il {formatDate(d.due)}
          {d.projected ? " (stimata: manca ancora il contratto)" : ""}
          {d.extended ? ` — prorogata; scadenza originaria ${formatDate(d.originalDue)}` : ""}
          {d.reopened ? " — riaperta con rimessione in termini" : ""}
          {d.capped ? " — limitata alla data ultima fissata per l'avviso" : ""} ·{" "}
          <span className={`status-${d.status.kind}`}>{describeStatus(d.status)}</span>
        </li>
      ))}
    </ul>
  );
}

/** The recorded changes of deadline, each with what it did, linked to its form. */
export function DeadlineChangeList({
  proroghe,
  editable,
}: {
  proroghe: readonly {
    id: number;
    deadlineKind: DeadlineKind;
    kind: DeadlineChangeKind;
    grantedOn: string;
    days: number | null;
    until: string | null;
    note: string | null;
  }[];
  editable: boolean;
}) {
  if (proroghe.length === 0) return null;
  return (
    <ul className="plain" id="proroghe">
      {proroghe.map((p) => {
        const text = `${DEADLINE_CHANGE_LABELS[p.kind]} (${DEADLINE_LABELS[p.deadlineKind].toLowerCase()}) del ${formatDate(p.grantedOn)}: ${
          p.days !== null
            ? `${p.days} ${p.days === 1 ? "giorno" : "giorni"} in più`
            : `fino al ${formatDate(p.until ?? "")}`
        }${p.note ? ` — ${p.note}` : ""}`;
        return <li key={p.id}>{editable ? <Link to={`proroghe/${p.id}`}>{text}</Link> : text}</li>;
      })}
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
            // A delete asks first, on its own page (no script).
            <Link
              to={`/progetti/${progettoId}/elimina?passaggio=documento:${d.id}`}
              className="inline-form link-button danger"
            >
              Elimina<span className="visually-hidden"> {d.title}</span>
            </Link>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
