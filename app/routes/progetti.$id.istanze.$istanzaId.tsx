import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { DeleteStep } from "~/components/DeleteStep";
import { ErrorSummary } from "~/components/ErrorSummary";
import { Field } from "~/components/Field";
import { FormVersion } from "~/components/FormVersion";
import { Select } from "~/components/Select";
import { ServicesPicker } from "~/components/ServicesPicker";
import { checkSubstitution } from "~/domain/candidatura-rules";
import { formatEuro } from "~/domain/format";
import { acceptedSubstitutions, servicesInForce, servizioById } from "~/domain/services";
import { BackToProgetto } from "~/features/progetto/BackToProgetto";
import { formValue } from "~/forms/form-result";
import { authorizeStep, stepFormAction } from "~/forms/step-form.server";
import { IstanzaInput } from "~/forms/step-inputs";
import { saveIstanza } from "~/models/steps.server";

export const meta: MetaFunction = () => [{ title: "Istanza di modifica · Cruscotto PNRR" }];

export function loader(args: LoaderFunctionArgs) {
  const { record, step: istanza } = authorizeStep(args, "read", "istanza");
  // Services in force before this istanza: the candidatura's and the other accepted swaps.
  const before = servicesInForce(
    record.candidaturaServices,
    acceptedSubstitutions(record.istanze, istanza?.id ?? null),
  );
  const effect =
    istanza?.kind === "sostituzione-servizi"
      ? checkSubstitution(before, istanza.removed, istanza.added, record.progetto.band).effect
      : null;
  return { record, istanza, before, effect };
}

export function action(args: ActionFunctionArgs) {
  return stepFormAction(args, "istanza", {
    schema: IstanzaInput,
    lists: ["removed", "added"],
    save: saveIstanza,
  });
}

const KINDS = [
  { value: "sostituzione-servizi", label: "Sostituzione di servizi" },
  { value: "cronoprogramma", label: "Variazione del cronoprogramma" },
  { value: "altro", label: "Altra modifica" },
];
const OUTCOMES = [
  { value: "in-attesa", label: "In attesa" },
  { value: "accolta", label: "Accolta" },
  { value: "respinta", label: "Respinta" },
];
const DEADLINES = [
  { value: "contract", label: "Contrattualizzazione del fornitore" },
  { value: "completion", label: "Completamento delle attività" },
];

export default function IstanzaPage() {
  const { record, istanza, before, effect } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors: Record<string, string> = data?.errors ?? {};
  const value = (name: string, stored: string | number | null | undefined) =>
    formValue(data, name, stored);
  const list = (name: string, stored: number[] | undefined) => {
    const typed = data?.values?.[name];
    return Array.isArray(typed) ? typed.map(Number) : (stored ?? []);
  };
  return (
    <section className="narrow">
      <BackToProgetto progetto={record.progetto} />
      <h1>{istanza ? "Istanza di modifica" : "Nuova istanza di modifica"}</h1>
      {effect ? (
        <div className="notice">
          <p>
            Servizi prima: {effect.before.map((id) => servizioById(id).shortName).join(", ")}.<br />
            Servizi dopo: {effect.after.map((id) => servizioById(id).shortName).join(", ")}.<br />
            Effetto sull'importo:{" "}
            {effect.amountDeltaCents === 0 ? "nessuno" : formatEuro(effect.amountDeltaCents)}.
          </p>
        </div>
      ) : null}
      <ErrorSummary errors={data?.errors} warnings={data?.warnings} />
      <Form method="post">
        <Select
          name="kind"
          label="Tipo di istanza"
          options={KINDS}
          defaultValue={value("kind", istanza?.kind)}
          error={errors.kind}
        />
        <Field
          name="sentOn"
          label="Data di invio"
          type="date"
          defaultValue={value("sentOn", istanza?.sentOn)}
          error={errors.sentOn}
        />
        <Field
          name="reason"
          label="Motivo"
          defaultValue={value("reason", istanza?.reason)}
          error={errors.reason}
        />
        <h2>Sostituzione di servizi</h2>
        <ServicesPicker
          name="removed"
          legend="Servizi da togliere"
          only={before}
          selected={list("removed", istanza?.removed)}
          error={errors.removed}
        />
        <ServicesPicker
          name="added"
          legend="Servizi da aggiungere"
          only={Array.from({ length: 26 }, (_, i) => i + 1).filter((id) => !before.includes(id))}
          selected={list("added", istanza?.added)}
          error={errors.added}
        />
        <h2>Variazione del cronoprogramma</h2>
        <Select
          name="deadlineKind"
          label="Scadenza da spostare"
          placeholder="Nessuna"
          options={DEADLINES}
          defaultValue={value("deadlineKind", istanza?.deadlineKind)}
          error={errors.deadlineKind}
        />
        <Field
          name="requestedDeadline"
          label="Nuova scadenza richiesta"
          type="date"
          defaultValue={value("requestedDeadline", istanza?.requestedDeadline)}
          error={errors.requestedDeadline}
        />
        <Field
          name="grantedDeadline"
          label="Scadenza concessa"
          type="date"
          defaultValue={value("grantedDeadline", istanza?.grantedDeadline)}
          error={errors.grantedDeadline}
        />
        <h2>Esito</h2>
        <Select
          name="outcome"
          label="Esito"
          options={OUTCOMES}
          defaultValue={value("outcome", istanza?.outcome ?? "in-attesa")}
          error={errors.outcome}
        />
        <Field
          name="outcomeOn"
          label="Data dell'esito"
          type="date"
          defaultValue={value("outcomeOn", istanza?.outcomeOn)}
          error={errors.outcomeOn}
        />
        <FormVersion version={record.version} error={errors._form} />
        <button type="submit">Salva l'istanza</button>
      </Form>
      {istanza ? (
        <DeleteStep
          label="Elimina l'istanza e i suoi documenti"
          progettoId={record.progetto.id}
          passaggio={`istanza:${istanza.id}`}
        />
      ) : null}
    </section>
  );
}
