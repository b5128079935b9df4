import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { DeleteStep } from "~/components/DeleteStep";
import { ConfirmWarnings, ErrorSummary } from "~/components/ErrorSummary";
import { Field } from "~/components/Field";
import { FormVersion } from "~/components/FormVersion";
import { euroInputValue } from "~/domain/money";
import { BackToProgetto } from "~/features/progetto/BackToProgetto";
import { confirmedOf, formValue } from "~/forms/form-result";
import { authorizeStep, stepFormAction } from "~/forms/step-form.server";
import { DeterminaInput } from "~/forms/step-inputs";
import { saveDetermina } from "~/models/steps.server";

export const meta: MetaFunction = () => [{ title: "Determina di affidamento · Cruscotto PNRR" }];

export function loader(args: LoaderFunctionArgs) {
  const { record, step } = authorizeStep(args, "read", "determina");
  return { record, determina: step };
}

export function action(args: ActionFunctionArgs) {
  const today = args.context.policy.today;
  return stepFormAction(args, "determina", {
    schema: DeterminaInput,
    save: (db, actor, progettoId, determinaId, input, confirmed) =>
      saveDetermina(db, actor, progettoId, determinaId, input, { today, confirmed }),
  });
}

export default function DeterminaPage() {
  const { record, determina: d } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors: Record<string, string> = data?.errors ?? {};
  const value = (name: string, stored: string | number | null | undefined) =>
    formValue(data, name, stored);
  return (
    <section className="narrow">
      <BackToProgetto progetto={record.progetto} />
      <h1>{d ? `Determina n. ${d.number}` : "Nuova determina di affidamento"}</h1>
      <ErrorSummary errors={data?.errors} warnings={data?.warnings} />
      <Form method="post">
        <Field
          name="number"
          label="Numero della determina"
          defaultValue={value("number", d?.number)}
          error={errors.number}
        />
        <Field
          name="adoptedOn"
          label="Data della determina"
          type="date"
          defaultValue={value("adoptedOn", d?.adoptedOn)}
          error={errors.adoptedOn}
        />
        <Field
          name="supplierName"
          label="Fornitore"
          defaultValue={value("supplierName", d?.supplierName)}
          error={errors.supplierName}
        />
        <Field
          name="supplierVat"
          label="Partita IVA del fornitore"
          inputMode="numeric"
          hint="11 cifre"
          defaultValue={value("supplierVat", d?.supplierVat)}
          error={errors.supplierVat}
        />
        <Field
          name="cig"
          label="CIG"
          hint="10 caratteri"
          defaultValue={value("cig", d?.cig)}
          error={errors.cig}
        />
        <Field
          name="amount"
          label="Importo affidato (€)"
          inputMode="decimal"
          defaultValue={value("amount", euroInputValue(d?.amountCents ?? null))}
          error={errors.amount}
        />
        <Field
          name="contractOn"
          label="Data del contratto"
          type="date"
          hint="Se vuota vale la data della determina. Da qui decorre il termine per completare le attività."
          defaultValue={value("contractOn", d?.contractOn)}
          error={errors.contractOn}
        />
        <FormVersion version={record.version} error={errors._form} />
        <ConfirmWarnings warnings={data?.warnings} confirmed={confirmedOf(data?.values)} />
        <button type="submit">Salva la determina</button>
      </Form>
      {d ? (
        <DeleteStep
          label="Elimina la determina e i suoi documenti"
          progettoId={record.progetto.id}
          passaggio={`determina:${d.id}`}
        />
      ) : null}
    </section>
  );
}
