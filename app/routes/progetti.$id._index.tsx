import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { authorizeProgetto } from "~/auth/authorize.server";
import { MilestoneChart } from "~/components/MilestoneChart";
import { SavedNotice } from "~/components/SavedNotice";
import { checkCandidatura } from "~/domain/candidatura-rules";
import { milestoneChart } from "~/domain/milestones";
import { guidance } from "~/domain/next-step";
import type { Phase } from "~/domain/phase";
import { ClosureSection } from "~/features/progetto/ClosureSection";
import { NextStepPanel } from "~/features/progetto/NextStepPanel";
import { ProgettoFactList } from "~/features/progetto/ProgettoFactList";
import {
  DeadlineChangeList,
  DeadlineList,
  DocumentList,
  ProgettoTimeline,
} from "~/features/progetto/ProgettoTimeline";

/** Phases where the steps after completion can be recorded: from the contract on. */
const CLOSURE_PHASES: readonly Phase[] = [
  "contrattualizzato",
  "concluso",
  "asseverato",
  "asseverazione-negativa",
  "erogato",
];

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
  return { record, editable, ruleWarnings, chart, guidance: guidance(record.assessment) };
}

export default function ProgettoPage() {
  const { record, editable, ruleWarnings, chart, guidance } = useLoaderData<typeof loader>();
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
      <ProgettoFactList progetto={progetto} amountCents={amount} assessment={assessment} />

      <h2>Scadenze</h2>
      <DeadlineList
        assessment={assessment}
        countedRules={Boolean(
          record.avvisoRules?.contractFrom || record.avvisoRules?.completionFrom,
        )}
      />
      <DeadlineChangeList proroghe={record.proroghe} editable={editable} />
      {chart ? <MilestoneChart chart={chart} id={`tappe-${progetto.id}`} /> : null}

      <NextStepPanel guidance={guidance} editable={editable} />

      {/* Its step links only once a supplier works on it: before, they would only distract. */}
      <ClosureSection
        closure={assessment.closure}
        editable={editable && CLOSURE_PHASES.includes(assessment.phase)}
      />

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
