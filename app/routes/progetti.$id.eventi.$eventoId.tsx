import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DeleteStep } from "~/components/DeleteStep";
import { ConfirmWarnings, ErrorSummary } from "~/components/ErrorSummary";
import { Field } from "~/components/Field";
import { FormVersion } from "~/components/FormVersion";
import { Select } from "~/components/Select";
import { euroInputValue } from "~/domain/money";
import { servizioById } from "~/domain/services";
import {
  EVENT_FIELDS,
  EVENT_KIND_LABELS,
  EVENT_KINDS,
  EVENT_OUTCOME_LABELS,
  type EventKind,
  optionsOf,
} from "~/domain/vocabulary";
import { BackToProgetto } from "~/features/progetto/BackToProgetto";
import { eventFieldLabel } from "~/features/progetto/closure-labels";
import { confirmedOf, formValue } from "~/forms/form-result";
import { authorizeStep, stepFormAction } from "~/forms/step-form.server";
import { EventoInput } from "~/forms/step-inputs";
import { saveEvento } from "~/models/steps.server";

export const meta: MetaFunction = () => [{ title: "Avanzamento · Cruscotto PNRR" }];

const isKind = (value: unknown): value is EventKind =>
  typeof value === "string" && (EVENT_KINDS as readonly string[]).includes(value);

export function loader(args: LoaderFunctionArgs) {
  const { record, step } = authorizeStep(args, "read", "evento");
  // A new evento's kind comes from ?tipo=, so the form shows only the fields it uses.
  const asked = new URL(args.request.url).searchParams.get("tipo");
  return { record, evento: step, kind: step?.kind ?? (isKind(asked) ? asked : null) };
}

export function action(args: ActionFunctionArgs) {
  const today = args.context.policy.today;
  return stepFormAction(args, "evento", {
    schema: EventoInput,
    save: (db, actor, progettoId, eventoId, input, confirmed) =>
      saveEvento(db, actor, progettoId, eventoId, input, today, confirmed),
  });
}

const KINDS = optionsOf(EVENT_KINDS, EVENT_KIND_LABELS);

export default function EventoPage() {
  const { record, evento: e, kind: loaderKind } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors: Record<string, string> = data?.errors ?? {};
  const value = (name: string, stored: string | number | null | undefined) =>
    formValue(data, name, stored);
  const posted = data?.values?.kind;
  const kind = isKind(posted) ? posted : loaderKind;
  const back = <BackToProgetto progetto={record.progetto} />;
  if (kind === null)
    return (
      <section className="narrow">
        {back}
        <h1>Registra un avanzamento</h1>
        <Form method="get">
          <Select name="tipo" label="Che cosa è successo" options={KINDS} />
          <button type="submit">Continua</button>
        </Form>
      </section>
    );
  const { fields, outcomes } = EVENT_FIELDS[kind];
  const label = (field: Parameters<typeof eventFieldLabel>[1]) => eventFieldLabel(kind, field);
  return (
    <section className="narrow">
      {back}
      <h1>{EVENT_KIND_LABELS[kind]}</h1>
      {e ? null : (
        <p>
          <Link to=".">Scegli un altro passaggio</Link>
        </p>
      )}
      <ErrorSummary
        errors={data?.errors}
        warnings={data?.warnings}
        targets={{ kind: "occurredOn" }}
      />
      <Form method="post">
        <input type="hidden" name="kind" value={kind} />
        <Field
          name="occurredOn"
          label={label("occurredOn")}
          type="date"
          defaultValue={value("occurredOn", e?.occurredOn)}
          error={errors.occurredOn ?? errors.kind}
        />
        {fields.includes("servizioId") ? (
          <Select
            name="servizioId"
            label={label("servizioId")}
            placeholder="—"
            options={record.assessment.services.map((id) => ({
              value: id,
              label: servizioById(id).name,
            }))}
            defaultValue={value("servizioId", e?.servizioId)}
            error={errors.servizioId}
          />
        ) : null}
        {fields.includes("outcome") ? (
          <Select
            name="outcome"
            label={label("outcome")}
            placeholder={kind === "controllo-campione" ? "In corso" : "—"}
            options={(outcomes ?? []).map((o) => ({ value: o, label: EVENT_OUTCOME_LABELS[o] }))}
            defaultValue={value("outcome", e?.outcome)}
            error={errors.outcome}
          />
        ) : null}
        {fields.includes("dueOn") ? (
          <Field
            name="dueOn"
            label={label("dueOn")}
            type="date"
            defaultValue={value("dueOn", e?.dueOn)}
            error={errors.dueOn}
          />
        ) : null}
        {fields.includes("repliedOn") ? (
          <Field
            name="repliedOn"
            label={label("repliedOn")}
            type="date"
            defaultValue={value("repliedOn", e?.repliedOn)}
            error={errors.repliedOn}
          />
        ) : null}
        {fields.includes("year") ? (
          <Field
            name="year"
            label={label("year")}
            inputMode="numeric"
            defaultValue={value("year", e?.year)}
            error={errors.year}
          />
        ) : null}
        {fields.includes("amount") ? (
          <Field
            name="amount"
            label={label("amount")}
            inputMode="decimal"
            defaultValue={value("amount", euroInputValue(e?.amountCents ?? null))}
            error={errors.amount}
          />
        ) : null}
        {fields.includes("reference") ? (
          <Field
            name="reference"
            label={label("reference")}
            defaultValue={value("reference", e?.reference)}
            error={errors.reference}
          />
        ) : null}
        <Field
          name="note"
          label={label("note")}
          defaultValue={value("note", e?.note)}
          error={errors.note}
        />
        <FormVersion version={record.version} error={errors._form} />
        <ConfirmWarnings warnings={data?.warnings} confirmed={confirmedOf(data?.values)} />
        <button type="submit">Salva</button>
      </Form>
      {e ? (
        <DeleteStep
          label="Elimina l'avanzamento e i suoi documenti"
          progettoId={record.progetto.id}
          passaggio={`evento:${e.id}`}
        />
      ) : null}
    </section>
  );
}
