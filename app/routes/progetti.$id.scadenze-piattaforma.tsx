import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { authorizeProgetto } from "~/auth/authorize.server";
import { ErrorSummary } from "~/components/ErrorSummary";
import { Field } from "~/components/Field";
import { FormVersion } from "~/components/FormVersion";
import { deadlineRulesOf, describeCounting } from "~/domain/avviso-rules";
import { PlatformDeadlinesInput } from "~/forms/deadline-inputs";
import { formValue } from "~/forms/form-result";
import { submitStepForm } from "~/forms/step-form.server";
import { actorOf } from "~/models/audited.server";
import { savePlatformDeadlines } from "~/models/steps.server";

export const meta: MetaFunction = () => [
  { title: "Scadenze indicate dalla piattaforma · Cruscotto PNRR" },
];

export function loader(args: LoaderFunctionArgs) {
  return { record: authorizeProgetto(args, "read").record };
}

export async function action(args: ActionFunctionArgs) {
  const { context } = args;
  const { user, record } = authorizeProgetto(args, "write");
  return submitStepForm(await args.request.formData(), {
    record,
    schema: PlatformDeadlinesInput,
    save: (input) => savePlatformDeadlines(context.db, actorOf(user), record.progetto.id, input),
  });
}

export default function PlatformDeadlinesPage() {
  const { record } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors: Record<string, string> = data?.errors ?? {};
  const p = record.progetto;
  const rules = deadlineRulesOf(record.avvisoRules);
  const value = (name: string, stored: string | null) => formValue(data, name, stored);
  return (
    <section className="narrow">
      <p>
        <Link to={`/progetti/${p.id}`}>← Torna al progetto</Link>
      </p>
      <p className="muted">
        {p.title}
        {p.cup ? ` · CUP ${p.cup}` : ""}
      </p>
      <h1>Scadenze indicate dalla piattaforma</h1>
      <p>
        Inserisci le date che la piattaforma PA digitale 2026 mostra per questo progetto, prima di
        eventuali proroghe: le proroghe si registrano a parte. Le date inserite qui valgono al posto
        di quelle calcolate dalle regole dell'avviso.
      </p>
      <ul className="muted">
        <li>Contrattualizzazione secondo l'avviso: {describeCounting(rules.contract)}.</li>
        <li>Completamento secondo l'avviso: {describeCounting(rules.completion)}.</li>
      </ul>
      <ErrorSummary errors={data?.errors} warnings={data?.warnings} />
      <Form method="post">
        <FormVersion version={record.version} error={errors._form} />
        <Field
          name="platformContractDue"
          label="Scadenza per la contrattualizzazione"
          type="date"
          defaultValue={value("platformContractDue", p.platformContractDue)}
          error={errors.platformContractDue}
        />
        <Field
          name="platformCompletionDue"
          label="Scadenza per il completamento delle attività"
          type="date"
          defaultValue={value("platformCompletionDue", p.platformCompletionDue)}
          error={errors.platformCompletionDue}
        />
        <button type="submit">Salva le scadenze</button>
      </Form>
    </section>
  );
}
