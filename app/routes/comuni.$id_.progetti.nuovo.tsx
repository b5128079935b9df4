import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { authorizeComune } from "~/auth/authorize.server";
import { CandidaturaForm, candidaturaValues } from "~/components/CandidaturaForm";
import { bandForPopulation } from "~/domain/bands";
import {
  CALCULATE_INTENT,
  CandidaturaChoice,
  withComputedAmount,
} from "~/forms/candidatura-amount";
import { fieldErrors } from "~/forms/field-errors";
import { formFailed } from "~/forms/form-result";
import { formFields } from "~/forms/step-form.server";
import { actorOf } from "~/models/audited.server";
import { avvisi141 } from "~/models/avvisi.server";
import { createProgetto, StepRejected } from "~/models/steps.server";

export const meta: MetaFunction = () => [{ title: "Nuova candidatura · Cruscotto PNRR" }];

export function loader(args: LoaderFunctionArgs) {
  const { context } = args;
  const { comune } = authorizeComune(args, "write");
  return { comune, avvisi: avvisi141(context.db) };
}

export async function action(args: ActionFunctionArgs) {
  const { context } = args;
  const { user, comune } = authorizeComune(args, "write");
  const fields = formFields(await args.request.formData(), ["servizioIds"]);
  // "Calcola": the page comes back with the amount of what was chosen, nothing checked or saved.
  if (fields.intent === CALCULATE_INTENT) return formFailed({}, fields);
  const parsed = CandidaturaChoice.safeParse(fields);
  if (!parsed.success) return formFailed(fieldErrors(parsed.error), fields);
  try {
    const { id } = createProgetto(
      context.db,
      actorOf(user),
      comune.id,
      withComputedAmount(parsed.data),
      {
        today: context.policy.today,
        confirmed: [],
      },
    );
    throw redirect(`/progetti/${id}`);
  } catch (error) {
    if (error instanceof StepRejected) return formFailed(error.errors, fields);
    throw error;
  }
}

export default function NuovaCandidatura() {
  const { comune, avvisi } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const defaults = {
    avvisoId: "",
    sentOn: "",
    band: comune.population === null ? "" : String(bandForPopulation(comune.population).id),
    servizioIds: [],
  };
  return (
    <section className="narrow">
      <p>
        <Link to={`/comuni/${comune.id}`}>← Comune di {comune.name}</Link>
      </p>
      <h1>Nuova candidatura 1.4.1 del Comune di {comune.name}</h1>
      <CandidaturaForm
        values={data?.values ? candidaturaValues(data.values) : defaults}
        errors={data?.errors ?? {}}
        avvisi={avvisi}
        submitLabel="Registra la candidatura"
      />
    </section>
  );
}
