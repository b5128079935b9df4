import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { authorizeProgetto } from "~/auth/authorize.server";
import { ErrorSummary } from "~/components/ErrorSummary";
import { Field } from "~/components/Field";
import { FormVersion } from "~/components/FormVersion";
import { formatDate } from "~/domain/format";
import { servizioById } from "~/domain/services";
import { BackToProgetto } from "~/features/progetto/BackToProgetto";
import {
  CHECKLIST_FIELD,
  parseCompletion,
  REQUEST_FIELD,
  SITE_FIELD,
  serviceField,
} from "~/forms/completion-input";
import { formFailed, formValue, withNotice } from "~/forms/form-result";
import { formFields, versionConflict } from "~/forms/step-form.server";
import { actorOf } from "~/models/audited.server";
import { StepRejected, saveCompletion } from "~/models/steps.server";

export const meta: MetaFunction = () => [{ title: "Completamento · Cruscotto PNRR" }];

export function loader(args: LoaderFunctionArgs) {
  const { record } = authorizeProgetto(args, "read");
  // The latest date recorded for each field, so the form shows where completion stands.
  const recorded: Record<string, string> = {};
  const fieldOf = (e: { kind: string; servizioId: number | null }) =>
    e.kind === "sito-online"
      ? SITE_FIELD
      : e.kind === "checklist-inviata"
        ? CHECKLIST_FIELD
        : e.kind === "richiesta-completamento"
          ? REQUEST_FIELD
          : e.kind === "servizio-online" && e.servizioId !== null
            ? serviceField(e.servizioId)
            : null;
  for (const e of record.eventi) {
    const field = fieldOf(e);
    if (field && (recorded[field] ?? "") < e.occurredOn) recorded[field] = e.occurredOn;
  }
  return { record, recorded };
}

export async function action(args: ActionFunctionArgs) {
  const { context } = args;
  const { user, record } = authorizeProgetto(args, "write");
  const fields = formFields(await args.request.formData());
  const conflict = versionConflict(fields.version, record.version);
  if (conflict) return formFailed(conflict, fields);
  const parsed = parseCompletion(fields, record.assessment.services);
  if (!parsed.ok) return formFailed(parsed.errors, fields);
  try {
    saveCompletion(
      context.db,
      actorOf(user),
      record.progetto.id,
      parsed.value,
      context.policy.today,
    );
  } catch (error) {
    if (error instanceof StepRejected) return formFailed(error.errors, fields);
    throw error;
  }
  throw redirect(withNotice(`/progetti/${record.progetto.id}`, "salvato"));
}

export default function CompletamentoPage() {
  const { record, recorded } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors: Record<string, string> = data?.errors ?? {};
  const date = (name: string) => ({
    name,
    type: "date",
    defaultValue: formValue(data, name, recorded[name]),
    error: errors[name],
  });
  return (
    <section className="narrow">
      <BackToProgetto progetto={record.progetto} />
      <h1>Completamento delle attività</h1>
      <p>
        Le date in cui sito e servizi sono andati online e la checklist è stata inviata, in un solo
        invio. Lasciare vuoto ciò che non è ancora avvenuto: si potrà aggiungere dopo.
      </p>
      <ErrorSummary errors={data?.errors} />
      <Form method="post">
        <FormVersion version={record.version} error={errors._form} />
        <Field label="Sito del comune online il" {...date(SITE_FIELD)} />
        <fieldset>
          <legend>Servizi online</legend>
          {record.assessment.services.map((id) => (
            <Field
              key={id}
              label={`${servizioById(id).name}: online il`}
              {...date(serviceField(id))}
            />
          ))}
        </fieldset>
        <Field label="Checklist di conformità inviata il" {...date(CHECKLIST_FIELD)} />
        {recorded[REQUEST_FIELD] ? (
          <p>
            Richiesta di completamento registrata il {formatDate(recorded[REQUEST_FIELD])}: si
            modifica dalla storia del progetto.
          </p>
        ) : (
          <Field
            label="Richiesta di completamento inviata il"
            hint="Sulla piattaforma, dopo che sito, servizi e checklist sono a posto"
            {...date(REQUEST_FIELD)}
          />
        )}
        <button type="submit" className="btn btn-primary">
          Salva il completamento
        </button>
      </Form>
    </section>
  );
}
