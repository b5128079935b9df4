import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { authorizeProgetto } from "~/auth/authorize.server";
import { ConfirmWarnings, ErrorSummary } from "~/components/ErrorSummary";
import { Field } from "~/components/Field";
import { FormVersion } from "~/components/FormVersion";
import { euroInputValue } from "~/domain/money";
import { BackToProgetto } from "~/features/progetto/BackToProgetto";
import { confirmedOf, formValue } from "~/forms/form-result";
import { submitStepForm } from "~/forms/step-form.server";
import { DecretoInput } from "~/forms/step-inputs";
import { actorOf } from "~/models/audited.server";
import { saveDecreto } from "~/models/steps.server";

export const meta: MetaFunction = () => [{ title: "Decreto di finanziamento · Cruscotto PNRR" }];

export function loader(args: LoaderFunctionArgs) {
  return { record: authorizeProgetto(args, "read").record };
}

export async function action(args: ActionFunctionArgs) {
  const { context } = args;
  const { user, record } = authorizeProgetto(args, "write");
  const progetto = record.progetto;
  return submitStepForm(await args.request.formData(), {
    record,
    schema: DecretoInput,
    save: (input, confirmed) =>
      saveDecreto(context.db, actorOf(user), progetto.id, input, {
        today: context.policy.today,
        confirmed,
      }),
  });
}

export default function DecretoPage() {
  const { record } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const d = record.decreto;
  const value = (name: string, stored: string | number | null | undefined) =>
    formValue(data, name, stored);
  const errors: Record<string, string> = data?.errors ?? {};
  return (
    <section className="narrow">
      <BackToProgetto progetto={record.progetto} />
      <h1>Decreto di finanziamento</h1>
      <ErrorSummary errors={data?.errors} warnings={data?.warnings} />
      <Form method="post">
        <FormVersion version={record.version} error={errors._form} />
        <Field
          name="number"
          label="Numero del decreto"
          hint="Per esempio 135 - 1 / 2022"
          defaultValue={value("number", d?.number)}
          error={errors.number}
        />
        <Field
          name="decreeOn"
          label="Data del decreto"
          type="date"
          defaultValue={value("decreeOn", d?.decreeOn)}
          error={errors.decreeOn}
        />
        <Field
          name="notifiedOn"
          label="Data di notifica al comune"
          type="date"
          hint="Le scadenze decorrono da questa data."
          defaultValue={value("notifiedOn", d?.notifiedOn)}
          error={errors.notifiedOn}
        />
        <Field
          name="amount"
          label="Importo finanziato (€)"
          inputMode="decimal"
          defaultValue={value(
            "amount",
            euroInputValue(d?.amountCents ?? record.progetto.amountRequestedCents),
          )}
          error={errors.amount}
        />
        <Field
          name="cup"
          label="CUP"
          hint="15 caratteri, per esempio G51F22003070006"
          defaultValue={value("cup", record.progetto.cup)}
          error={errors.cup}
        />
        <ConfirmWarnings warnings={data?.warnings} confirmed={confirmedOf(data?.values)} />
        <button type="submit">Salva il decreto</button>
      </Form>
    </section>
  );
}
