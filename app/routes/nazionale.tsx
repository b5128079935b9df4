import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { signedIn } from "~/auth/authorize.server";
import { Select } from "~/components/Select";
import { loadNationalOverview } from "~/features/national-overview/national-overview.server";
import {
  AreaSection,
  BandSection,
  ComuniSection,
  PaymentsSection,
  Totals,
} from "~/features/national-overview/sections";

/** The page depends only on its viewer, the data and the day: kept until one changes. */
export const handle = { pageCache: true };

export const meta: MetaFunction = () => [{ title: "Panoramica nazionale · Cruscotto PNRR" }];

export function loader({ context, request }: LoaderFunctionArgs) {
  const user = signedIn({ context, request });
  return loadNationalOverview(context.db, user, new URL(request.url).searchParams);
}

export default function Nazionale() {
  const data = useLoaderData<typeof loader>();
  const { filter, options, totals, areas, comuni, bands, payments } = data;
  const place = filter.provincia ?? filter.regione ?? "Italia";
  const base = {
    regione: filter.regione,
    provincia: filter.provincia,
    misura: filter.misura,
    enti: filter.enti === "comuni" ? null : filter.enti,
  };
  return (
    <>
      <h1>Panoramica nazionale PA digitale 2026</h1>
      <p>
        Tutte le candidature finanziate importate dai dati aperti ufficiali.{" "}
        <span className="hint">
          Fonte: Dati PNRR PADigitale2026, Copyright (c) Dipartimento per la trasformazione
          digitale, licenza CC-BY-4.0.
        </span>
      </p>
      <Form method="get" className="filters" aria-label="Filtri della panoramica">
        <Select
          name="regione"
          label="Regione"
          placeholder="Tutte"
          options={options.regioni.map((r) => ({ value: r, label: r }))}
          defaultValue={filter.regione}
        />
        <Select
          name="provincia"
          label="Provincia"
          placeholder="Tutte"
          options={options.province.map((p) => ({ value: p, label: p }))}
          defaultValue={filter.provincia}
        />
        <Select
          name="misura"
          label="Misura"
          placeholder="Tutte"
          options={options.misure}
          defaultValue={filter.misura}
        />
        <Select
          name="enti"
          label="Enti"
          options={[
            { value: "comuni", label: "Solo comuni" },
            { value: "tutti", label: "Tutti gli enti" },
          ]}
          defaultValue={filter.enti}
        />
        <button type="submit">Filtra</button>
      </Form>
      <p className="hint" id="enti-contati">
        {filter.enti === "comuni"
          ? "Sono contati i soli progetti dei comuni. Scegliere «Tutti gli enti» per includere scuole, Regioni, Province, ASL e altri enti."
          : "Sono contati i progetti di tutti gli enti: comuni, scuole, Regioni, Province, ASL e altri enti."}
      </p>

      {totals.total.count === 0 ? (
        <p className="notice">
          Nessun dato importato per questa selezione. Un amministratore può importare il file
          ufficiale delle candidature finanziate da <a href="/admin/importa">Importa</a>.
        </p>
      ) : (
        <>
          <Totals place={place} totals={totals} />
          <AreaSection areas={areas} areaKind={data.areaKind} filter={base} />
          {comuni ? (
            <ComuniSection place={place} comuni={comuni} filter={base} />
          ) : (
            <p className="hint">Scegliere una regione per vedere l'elenco dei suoi comuni.</p>
          )}
          <BandSection misura={filter.misura} bands={bands} />
          <PaymentsSection payments={payments} />
        </>
      )}
    </>
  );
}
