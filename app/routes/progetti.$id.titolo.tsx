import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { authorizeProgetto } from "~/auth/authorize.server";
import { ErrorSummary } from "~/components/ErrorSummary";
import { Field } from "~/components/Field";
import { FormVersion } from "~/components/FormVersion";
import { BackToProgetto } from "~/features/progetto/BackToProgetto";
import { formValue } from "~/forms/form-result";
import { submitStepForm } from "~/forms/step-form.server";
import { TitleInput } from "~/forms/title-input";
import { actorOf } from "~/models/audited.server";
import { saveTitle } from "~/models/steps.server";

export const meta: MetaFunction = () => [{ title: "Titolo del progetto · Cruscotto PNRR" }];

export function loader(args: LoaderFunctionArgs) {
  return { record: authorizeProgetto(args, "read").record };
}

export async function action(args: ActionFunctionArgs) {
  const { user, record } = authorizeProgetto(args, "write");
  return submitStepForm(await args.request.formData(), {
    record,
    schema: TitleInput,
    save: (input) => saveTitle(args.context.db, actorOf(user), record.progetto.id, input.title),
  });
}

export default function TitoloPage() {
  const { record } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors: Record<string, string> = data?.errors ?? {};
  return (
    <section className="narrow">
      <BackToProgetto progetto={record.progetto} />
      <h1>Titolo del progetto</h1>
      <ErrorSummary errors={data?.errors} />
      <Form method="post">
        <FormVersion version={record.version} error={errors._form} />
        <Field
          name="title"
          label="Titolo"
          hint="Come compare nelle pagine del comune e nella pagina pubblica"
          defaultValue={formValue(data, "title", record.progetto.title)}
          error={errors.title}
        />
        <button type="submit" className="btn btn-primary">
          Salva il titolo
        </button>
      </Form>
    </section>
  );
}
