import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { authorizeProgetto } from "~/auth/authorize.server";
import { MilestoneChart } from "~/components/MilestoneChart";
import { SavedNotice } from "~/components/SavedNotice";
import { checkCandidatura } from "~/domain/candidatura-rules";
import { describeClosureState } from "~/domain/closure";
import { formatEuro } from "~/domain/format";
import { milestoneChart } from "~/domain/milestones";
import { PHASE_LABELS } from "~/domain/phase";
import { servizioById } from "~/domain/services";
import { ClosureSection } from "~/features/progetto/ClosureSection";
import {
  DeadlineChangeList,
  DeadlineList,
  DocumentList,
  ProgettoTimeline,
} from "~/features/progetto/ProgettoTimeline";

/** The page depends only on its viewer, the data and the day: kept until one changes. */
export const handle = { pageCache: true };

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
  const chart = milestoneChart(
    record.timeline,
    record.assessment.deadlines,
    record.decreto?.notifiedOn ?? null,
    record.assessment.contractedOn,
    context.policy,
  );
  return { record, editable, ruleWarnings, chart };
}

export default function ProgettoPage() {
  const { record, editable, ruleWarnings, chart } = useLoaderData<typeof loader>();
  const { progetto, comune, assessment, timeline, documenti } = record;
  const amount = record.amountCents;
  const others = documenti.filter((d) => d.stepKey === "altro");
  return (
    <>
      <p>
        <Link to={`/comuni/${comune.id}`}>Comune di {comune.name}</Link>
      </p>
      <h1>{progetto.title}</h1>
      <SavedNotice />
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
        <dd>
          {PHASE_LABELS[assessment.phase]}
          {assessment.closure.state ? ` — ${describeClosureState(assessment.closure.state)}` : ""}
        </dd>
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
      <DeadlineList
        assessment={assessment}
        countedRules={Boolean(
          record.avvisoRules?.contractFrom || record.avvisoRules?.completionFrom,
        )}
      />
      <DeadlineChangeList proroghe={record.proroghe} editable={editable} />
      {chart ? <MilestoneChart chart={chart} id={`tappe-${progetto.id}`} /> : null}

      {editable ? (
        <nav aria-label="Aggiorna il progetto" className="actions">
          <Link to="decreto">{record.decreto ? "Modifica il decreto" : "Registra il decreto"}</Link>
          <Link to="istanze/nuova">Aggiungi un'istanza di modifica</Link>
          <Link to="determine/nuova">Aggiungi una determina</Link>
          <Link to="proroghe/nuova">Registra una proroga o una modifica della scadenza</Link>
          <Link to="scadenze-piattaforma">Scadenze indicate dalla piattaforma</Link>
          <Link to="eventi/nuovo">Registra un avanzamento</Link>
          <Link to="documenti">Carica un documento</Link>
          <Link to="conformita">Checklist di conformità</Link>
        </nav>
      ) : null}

      <ClosureSection closure={assessment.closure} editable={editable} />

      <h2>Storia del progetto</h2>
      <ProgettoTimeline
        progettoId={progetto.id}
        timeline={timeline}
        documenti={documenti}
        editable={editable}
      />
      {others.length ? (
        <>
          <h2>Altri documenti</h2>
          <DocumentList progettoId={progetto.id} documenti={others} editable={editable} />
        </>
      ) : null}
    </>
  );
}
