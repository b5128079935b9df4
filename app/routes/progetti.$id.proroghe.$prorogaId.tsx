import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { DeleteStep } from "~/components/DeleteStep";
import { ErrorSummary } from "~/components/ErrorSummary";
import { Field } from "~/components/Field";
import { FormVersion } from "~/components/FormVersion";
import { Select } from "~/components/Select";
import { DEADLINE_CHANGE_KINDS, DEADLINE_CHANGE_LABELS } from "~/domain/avviso-rules";
import { DEADLINE_LABELS } from "~/domain/deadlines";
import { formatDate } from "~/domain/format";
import { ProrogaInput } from "~/forms/deadline-inputs";
import { formValue } from "~/forms/form-result";
import { authorizeStep, stepFormAction } from "~/forms/step-form.server";
import { saveProroga } from "~/models/steps.server";

export const meta: MetaFunction = () => [{ title: "Modifica di una scadenza · Cruscotto PNRR" }];

export function loader(args: LoaderFunctionArgs) {
  const { record, step: proroga } = authorizeStep(args, "read", "proroga");
  return { record, proroga };
}

export function action(args: ActionFunctionArgs) {
  return stepFormAction(args, "proroga", { schema: ProrogaInput, save: saveProroga });
}

const KINDS = DEADLINE_CHANGE_KINDS.map((k) => ({ value: k, label: DEADLINE_CHANGE_LABELS[k] }));
const DEADLINES = (["contract", "completion"] as const).map((k) => ({
  value: k,
  label: DEADLINE_LABELS[k],
}));

export default function ProrogaPage() {
  const { record, proroga } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors: Record<string, string> = data?.errors ?? {};
  const value = (name: string, stored: string | number | null | undefined) =>
    formValue(data, name, stored);
  const final = record.avvisoRules?.finalDeadline ?? null;
  return (
    <section className="narrow">
      <p>
        <Link to={`/progetti/${record.progetto.id}`}>← Torna al progetto</Link>
      </p>
      <p className="muted">
        {record.progetto.title}
        {record.progetto.cup ? ` · CUP ${record.progetto.cup}` : ""}
      </p>
      <h1>{proroga ? "Modifica di una scadenza" : "Nuova proroga o modifica di una scadenza"}</h1>
      <p className="muted">
        Registra le modifiche come le conta la piattaforma PA digitale 2026: le proroghe
        (automatiche, eccezionali, richieste via PEC o in piattaforma) aggiungono giorni; lo slot
        trimestrale sposta il completamento alla fine di un trimestre successivo (dal 1° aprile
        2024, con contratto firmato); la rimessione in termini riapre una scadenza già passata. Una
        proroga della contrattualizzazione sposta anche il completamento.
        {final
          ? ` Nessuna modifica supera la data ultima dell'avviso, il ${formatDate(final)}.`
          : ""}
      </p>
      <ErrorSummary errors={data?.errors} warnings={data?.warnings} />
      <Form method="post">
        <FormVersion version={record.version} error={errors._form} />
        <Select
          name="kind"
          label="Tipo di modifica"
          options={KINDS}
          defaultValue={value("kind", proroga?.kind)}
          error={errors.kind}
        />
        <Select
          name="deadlineKind"
          label="Scadenza"
          options={DEADLINES}
          defaultValue={value("deadlineKind", proroga?.deadlineKind)}
          error={errors.deadlineKind ?? errors.deadline}
        />
        <Field
          name="grantedOn"
          label="Data della concessione o della richiesta"
          type="date"
          defaultValue={value("grantedOn", proroga?.grantedOn)}
          error={errors.grantedOn}
        />
        <Field
          name="days"
          label="Giorni di proroga"
          hint="Per le proroghe automatiche, eccezionali, via PEC o in piattaforma."
          inputMode="numeric"
          defaultValue={value("days", proroga?.days)}
          error={errors.days}
        />
        <Field
          name="until"
          label="Nuova scadenza"
          hint="Per lo slot trimestrale (31/03, 30/06, 30/09 o 31/12) e la rimessione in termini."
          type="date"
          defaultValue={value("until", proroga?.until)}
          error={errors.until}
        />
        <Field
          name="note"
          label="Note"
          hint="Per esempio il protocollo della PEC o della comunicazione."
          defaultValue={value("note", proroga?.note)}
          error={errors.note}
        />
        <button type="submit">Salva la modifica</button>
      </Form>
      {proroga ? (
        <DeleteStep
          label="Elimina questa modifica della scadenza"
          progettoId={record.progetto.id}
          passaggio={`proroga:${proroga.id}`}
        />
      ) : null}
    </section>
  );
}
