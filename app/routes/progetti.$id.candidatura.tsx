import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { authorizeProgetto } from "~/auth/authorize.server";
import { CandidaturaForm, candidaturaValues } from "~/components/CandidaturaForm";
import { formatEuro } from "~/domain/format";
import { BackToProgetto } from "~/features/progetto/BackToProgetto";
import {
  CALCULATE_INTENT,
  CandidaturaChoice,
  withComputedAmount,
} from "~/forms/candidatura-amount";
import { fieldErrors } from "~/forms/field-errors";
import { formFailed, formSaved } from "~/forms/form-result";
import { formFields, versionConflict } from "~/forms/step-form.server";
import { actorOf } from "~/models/audited.server";
import { avvisi141 } from "~/models/avvisi.server";
import { StepRejected, updateCandidatura } from "~/models/steps.server";

export const meta: MetaFunction = () => [{ title: "Candidatura · Cruscotto PNRR" }];

export function loader(args: LoaderFunctionArgs) {
  const { context } = args;
  return { record: authorizeProgetto(args, "read").record, avvisi: avvisi141(context.db) };
}

export async function action(args: ActionFunctionArgs) {
  const { context } = args;
  const {
    user,
    record: { progetto, version },
  } = authorizeProgetto(args, "write");
  const fields = formFields(await args.request.formData(), ["servizioIds"]);
  const conflict = versionConflict(fields.version, version);
  if (conflict) return { ...formFailed(conflict, fields), warnings: [] as string[] };
  // "Calcola": the page comes back with the amount of what was chosen, nothing checked or saved.
  if (fields.intent === CALCULATE_INTENT) return { ...formFailed({}, fields), warnings: [] };
  const parsed = CandidaturaChoice.safeParse(fields);
  if (!parsed.success)
    return { ...formFailed(fieldErrors(parsed.error), fields), warnings: [] as string[] };
  try {
    const input = withComputedAmount(parsed.data);
    const warnings = updateCandidatura(context.db, actorOf(user), progetto.id, input, {
      today: context.policy.today,
      confirmed: [],
    });
    return { ...formSaved("Candidatura salvata.", fields), warnings };
  } catch (error) {
    if (error instanceof StepRejected)
      return { ...formFailed(error.errors, fields), warnings: [] as string[] };
    throw error;
  }
}

export default function CandidaturaPage() {
  const { record, avvisi } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const p = record.progetto;
  const current = {
    avvisoId: p.avvisoId === null ? "" : String(p.avvisoId),
    sentOn: p.candidaturaSentOn ?? "",
    band: p.band === null ? "" : String(p.band),
    servizioIds: record.candidaturaServices,
  };
  return (
    <section className="narrow">
      <BackToProgetto progetto={p} />
      <h1>Candidatura del Comune di {record.comune.name}</h1>
      {data?.message ? (
        <p className="notice" role="status">
          {data.message}
        </p>
      ) : null}
      {data?.warnings.map((w) => (
        <p key={w} className="warning" role="status">
          Attenzione: {w}
        </p>
      ))}
      {p.amountRequestedCents !== null ? (
        <p>
          Importo registrato: {formatEuro(p.amountRequestedCents)}. Salvando si registra l'importo
          calcolato.
        </p>
      ) : null}
      <CandidaturaForm
        version={record.version}
        values={data?.values ? candidaturaValues(data.values) : current}
        errors={data?.errors ?? {}}
        avvisi={avvisi}
        submitLabel="Salva la candidatura"
      />
    </section>
  );
}
