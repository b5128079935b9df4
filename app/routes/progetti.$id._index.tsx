import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { authorizeProgetto } from "~/auth/authorize.server";
import { MilestoneChart } from "~/components/MilestoneChart";
import { checkCandidatura } from "~/domain/candidatura-rules";
import { DEADLINE_LABELS, describeStatus } from "~/domain/deadlines";
import { formatDate, formatEuro, formatFileSize } from "~/domain/format";
import { milestoneChart } from "~/domain/milestones";
import { PHASE_LABELS } from "~/domain/phase";
import type { ProgettoAssessment } from "~/domain/progetto";
import { servizioById } from "~/domain/services";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `Progetto ${data?.record.progetto.cup ?? ""} · ${data?.record.comune.name ?? ""} · Cruscotto PNRR`,
  },
];

export function loader(args: LoaderFunctionArgs) {
  const { context } = args;
  const { record, editable } = authorizeProgetto(args, "read");
  const p = record.progetto;
  const ruleWarnings =
    p.band !== null && p.amountRequestedCents !== null
      ? checkCandidatura({
          band: p.band,
          servizioIds: record.candidaturaServices,
          amountRequested: p.amountRequestedCents,
        }).warnings
      : [];
  const day = context.policy.today;
  const chart = milestoneChart(
    record.timeline,
    record.assessment.deadlines,
    record.decreto?.notifiedOn ?? null,
    record.assessment.contractedOn,
    day,
  );
  return { record, editable, ruleWarnings, chart };
}

const EDIT_PATHS: Record<string, (id: number) => string> = {
  candidatura: () => "candidatura",
  decreto: () => "decreto",
  istanza: (id) => `istanze/${id}`,
  determina: (id) => `determine/${id}`,
  evento: (id) => `eventi/${id}`,
};

export default function ProgettoPage() {
  const { record, editable, ruleWarnings, chart } = useLoaderData<typeof loader>();
  const { progetto, comune, assessment, timeline, documenti } = record;
  const amount = record.decreto?.amountCents ?? progetto.amountRequestedCents;
  const docsOf = (key: string) => documenti.filter((d) => d.stepKey === key);
  const others = docsOf("altro");
  return (
    <>
      <p>
        <Link to={`/comuni/${comune.id}`}>Comune di {comune.name}</Link>
      </p>
      <h1>{progetto.title}</h1>
      {ruleWarnings.map((w) => (
        <p key={w} className="warning">
          Attenzione: {w}
        </p>
      ))}
      <dl className="facts">
        <dt>Misura</dt>
        <dd>{progetto.misura}</dd>
        <dt>CUP</dt>
        <dd>{progetto.cup ?? "non ancora assegnato"}</dd>
        {progetto.officialCup && progetto.officialCup !== progetto.cup ? (
          <>
            <dt>CUP nei dati ufficiali</dt>
            <dd>{progetto.officialCup}</dd>
          </>
        ) : null}
        {progetto.officialWindow !== null ? (
          <>
            <dt>Finestra temporale</dt>
            <dd>{progetto.officialWindow}</dd>
          </>
        ) : null}
        {progetto.officialProtocol !== null ? (
          <>
            <dt>Numero di protocollo</dt>
            <dd>{progetto.officialProtocol}</dd>
          </>
        ) : null}
        <dt>Importo</dt>
        <dd>{amount === null ? "—" : formatEuro(amount)}</dd>
        <dt>Stato</dt>
        <dd>{PHASE_LABELS[assessment.phase]}</dd>
        <dt>Servizi</dt>
        <dd>
          {assessment.services.length ? (
            <ul className="plain">
              {assessment.services.map((id) => (
                <li key={id}>{servizioById(id).name}</li>
              ))}
            </ul>
          ) : (
            "Nessuno indicato"
          )}
        </dd>
      </dl>

      <h2>Scadenze</h2>
      <DeadlineList assessment={assessment} />
      {chart ? <MilestoneChart chart={chart} id={`tappe-${progetto.id}`} /> : null}

      {editable ? (
        <nav aria-label="Aggiorna il progetto" className="actions">
          <Link to="decreto">{record.decreto ? "Modifica il decreto" : "Registra il decreto"}</Link>
          <Link to="istanze/nuova">Aggiungi un'istanza di modifica</Link>
          <Link to="determine/nuova">Aggiungi una determina</Link>
          <Link to="eventi/nuovo">Registra un avanzamento</Link>
          <Link to="documenti">Carica un documento</Link>
          <Link to="conformita">Checklist di conformità</Link>
        </nav>
      ) : null}

      <h2>Storia del progetto</h2>
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
              progettoId={progetto.id}
              documenti={docsOf(entry.key)}
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
      {others.length ? (
        <>
          <h2>Altri documenti</h2>
          <DocumentList progettoId={progetto.id} documenti={others} editable={editable} />
        </>
      ) : null}
    </>
  );
}

/** Both deadlines with the statuses the read model gave them (the request's policy). */
function DeadlineList({ assessment }: { assessment: ProgettoAssessment }) {
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

function DocumentList({
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
