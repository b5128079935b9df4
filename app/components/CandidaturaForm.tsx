import { Form } from "@remix-run/react";
import { BANDS, bandById, expectedAmount } from "~/domain/bands";
import { formatEuro } from "~/domain/format";
import { CALCULATE_INTENT } from "~/forms/candidatura-amount";
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
      {/* First in the form: Enter calculates, it never saves by accident. */}
      <button
        type="submit"
        name="intent"
        value={CALCULATE_INTENT}
        className="btn btn-outline-primary"
      >
        Calcola l'importo
      </button>
      <AmountPreview band={values.band} services={values.servizioIds.length} />
      <button type="submit" className="btn btn-primary">
        {submitLabel}
      </button>
    </Form>
  );
}

/** The lump sum band × services, as the avviso fixes it, shown before saving. */
function AmountPreview({ band, services }: { band: string; services: number }) {
  const id = Number(band);
  if (!Number.isInteger(id) || id < 1 || id > 6)
    return <p>Importo: scegliere la fascia di popolazione e premere «Calcola l'importo».</p>;
  const b = bandById(id);
  const amount = expectedAmount(b, services);
  return (
    <p className="candidatura-amount" role="status">
      {amount.ok ? (
        <>
          Importo della candidatura: <strong>{formatEuro(amount.amountCents)}</strong> (sito{" "}
          {formatEuro(b.siteCents)} + {services} {services === 1 ? "servizio" : "servizi"} ×{" "}
          {formatEuro(b.perServiceCents)})
        </>
      ) : (
        `Importo non calcolabile: la fascia ${b.label} consente al massimo ${b.maxServices} servizi.`
      )}
    </p>
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
  };
}
