import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { DeleteStep } from "~/components/DeleteStep";
import { Field } from "~/components/Field";
import { FormVersion } from "~/components/FormVersion";
import { Select } from "~/components/Select";
import { euroInputValue } from "~/domain/money";
import { servizioById } from "~/domain/services";
import { EVENT_KIND_LABELS, EVENT_KINDS, optionsOf } from "~/domain/vocabulary";
import { BackToProgetto } from "~/features/progetto/BackToProgetto";
import { formValue } from "~/forms/form-result";
import { authorizeStep, stepFormAction } from "~/forms/step-form.server";
import { EventoInput } from "~/forms/step-inputs";
import { saveEvento } from "~/models/steps.server";

export const meta: MetaFunction = () => [{ title: "Avanzamento · Cruscotto PNRR" }];

export function loader(args: LoaderFunctionArgs) {
  const { record, step } = authorizeStep(args, "read", "evento");
  return { record, evento: step };
}

export function action(args: ActionFunctionArgs) {
  return stepFormAction(args, "evento", { schema: EventoInput, save: saveEvento });
}

const KINDS = optionsOf(EVENT_KINDS, EVENT_KIND_LABELS);

export default function EventoPage() {
  const { record, evento: e } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors: Record<string, string> = data?.errors ?? {};
  const value = (name: string, stored: string | number | null | undefined) =>
    formValue(data, name, stored);
  return (
    <section className="narrow">
      <BackToProgetto progetto={record.progetto} />
      <h1>{e ? "Avanzamento del progetto" : "Registra un avanzamento"}</h1>
      <Form method="post">
        <Select
          name="kind"
          label="Che cosa è successo"
          options={KINDS}
          defaultValue={value("kind", e?.kind)}
          error={errors.kind}
        />
        <Field
          name="occurredOn"
          label="Data"
          type="date"
          defaultValue={value("occurredOn", e?.occurredOn)}
          error={errors.occurredOn}
        />
        <Select
          name="servizioId"
          label="Servizio (per «Servizio online»)"
          placeholder="—"
          options={record.assessment.services.map((id) => ({
            value: id,
            label: servizioById(id).name,
          }))}
          defaultValue={value("servizioId", e?.servizioId)}
          error={errors.servizioId}
        />
        <Select
          name="outcome"
          label="Esito (per l'asseverazione)"
          placeholder="—"
          options={[
            { value: "positiva", label: "Positiva" },
            { value: "negativa", label: "Negativa" },
          ]}
          defaultValue={value("outcome", e?.outcome)}
          error={errors.outcome}
        />
        <Field
          name="amount"
          label="Importo erogato (€)"
          inputMode="decimal"
          defaultValue={value("amount", euroInputValue(e?.amountCents ?? null))}
          error={errors.amount}
        />
        <Field name="note" label="Nota" defaultValue={value("note", e?.note)} error={errors.note} />
        <FormVersion version={record.version} error={errors._form} />
        <button type="submit">Salva</button>
      </Form>
      {e ? <DeleteStep label="Elimina l'avanzamento e i suoi documenti" /> : null}
    </section>
  );
}
