import { Form } from "@remix-run/react";
import { BANDS } from "~/domain/bands";
import { ErrorSummary } from "./ErrorSummary";
import { Field } from "./Field";
import { FormVersion } from "./FormVersion";
import { Select } from "./Select";
import { ServicesPicker } from "./ServicesPicker";

export interface CandidaturaValues {
  avvisoId: string;
  sentOn: string;
  band: string;
  servizioIds: number[];
  amountRequested: string;
}

export function CandidaturaForm({
  values,
  errors,
  avvisi,
  submitLabel,
  version,
}: {
  values: CandidaturaValues;
  errors: Record<string, string>;
  avvisi: { id: number; title: string }[];
  submitLabel: string;
  /** The record's version when editing; none when creating. */
  version?: string;
}) {
  return (
    <Form method="post">
      <ErrorSummary errors={errors} />
      {version !== undefined ? <FormVersion version={version} error={errors._form} /> : null}
      <Select
        name="avvisoId"
        label="Avviso"
        placeholder="Scegli…"
        options={avvisi.map((a) => ({ value: a.id, label: a.title }))}
        defaultValue={values.avvisoId}
        error={errors.avvisoId}
      />
      <Field
        name="sentOn"
        label="Data di invio della candidatura"
        type="date"
        defaultValue={values.sentOn}
        error={errors.sentOn}
      />
      <p>Pacchetto cittadino informato (nuovo sito del comune): obbligatorio, sempre incluso.</p>
      <Select
        name="band"
        label="Fascia di popolazione"
        options={BANDS.map((b) => ({
          value: b.id,
          label: `${b.label} (massimo ${b.maxServices} servizi)`,
        }))}
        defaultValue={values.band}
        error={errors.band}
      />
      <ServicesPicker
        name="servizioIds"
        legend="Servizi del pacchetto cittadino attivo"
        selected={values.servizioIds}
        error={errors.servizioIds}
      />
      <Field
        name="amountRequested"
        label="Importo richiesto (€)"
        inputMode="decimal"
        hint="Per esempio 155.234,00"
        defaultValue={values.amountRequested}
        error={errors.amountRequested}
      />
      <button type="submit">{submitLabel}</button>
    </Form>
  );
}

export function candidaturaValues(fields: Record<string, string | string[]>): CandidaturaValues {
  const one = (k: string) => String(fields[k] ?? "");
  const list = fields.servizioIds;
  return {
    avvisoId: one("avvisoId"),
    sentOn: one("sentOn"),
    band: one("band"),
    servizioIds: (Array.isArray(list) ? list : []).map(Number),
    amountRequested: one("amountRequested"),
  };
}
