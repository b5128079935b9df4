import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatEuro, formatInteger } from "~/domain/format";
import { exclusionText } from "~/features/attuazione/attuazione";
import { requireAttuazioneComune } from "~/features/attuazione/attuazione.server";
import { PublicPage } from "~/features/attuazione/PublicPage";
import { publicHandle, publicLinks, publicPageHeaders } from "~/features/attuazione/route-exports";
import { publicHeaders } from "~/infra/public-cache.server";

export const handle = publicHandle;
export const links = publicLinks;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Attuazione misure PNRR · Comune di ${data?.comune.name ?? ""}` },
  {
    name: "description",
    content: `Progetti del Comune di ${data?.comune.name ?? ""} finanziati dal PNRR: importi, stato di attuazione e documenti.`,
  },
];

export const headers = publicPageHeaders;

export function loader({ params, request, context }: LoaderFunctionArgs) {
  const found = requireAttuazioneComune({ params, context });
  const embed = new URL(request.url).searchParams.get("embed") === "1";
  return data({ ...found, embed }, { headers: publicHeaders(context.policy.today) });
}

export default function AttuazioneComune() {
  const { comune, footerLinks, groups, progetti, totals, lastUpdated, embed } =
    useLoaderData<typeof loader>();
  const base = `/attuazione/${comune.istat}`;
  const suffix = embed ? "?embed=1" : "";
  const excluded = exclusionText(totals.excluded);
  return (
    <PublicPage
      owner={`Comune di ${comune.name}`}
      title={`Comune di ${comune.name}`}
      tagline="Attuazione misure PNRR"
      home={base}
      embed={embed}
      lastUpdated={lastUpdated}
      footerLinks={footerLinks}
      crumbs={[{ label: "Home", href: "/attuazione" }, { label: "Attuazione misure PNRR" }]}
      dataLinks={[
        { label: "JSON", href: `${base}/dati.json` },
        { label: "CSV", href: `${base}/dati.csv` },
      ]}
    >
      <h1>Attuazione misure PNRR</h1>
      <p className="lead">
        I progetti del Comune di {comune.name} finanziati dal Piano Nazionale di Ripresa e
        Resilienza con i fondi dell'Unione europea – NextGenerationEU.
      </p>
      {progetti.length === 0 ? (
        <p>Nessun progetto PNRR registrato.</p>
      ) : (
        <>
          <p>
            Importo totale finanziato: <strong>{formatEuro(totals.amountCents)}</strong> per{" "}
            {totals.counted === 1 ? "1 progetto" : `${formatInteger(totals.counted)} progetti`}.
            {excluded ? ` ${excluded}` : null}
          </p>
          {groups.map((g) => (
            <section
              key={g.code}
              className="mt-4"
              aria-labelledby={`misura-${g.code.replaceAll(".", "-")}`}
            >
              <p className="text-secondary mb-1">{g.heading.filter(Boolean).join(" › ")}</p>
              <h2 id={`misura-${g.code.replaceAll(".", "-")}`} className="h4">
                {g.misura}
              </h2>
              {g.progetti.map((p) => (
                <article key={p.id} className="attuazione-card">
                  <h3 className="h5">
                    <a href={`${base}/progetti/${p.id}${suffix}`}>
                      {p.title}
                      {/* Two progetti may share a title: the link says which one it is. */}
                      <span className="visually-hidden">
                        {`, misura ${p.misura}, CUP ${p.cup ?? "non ancora assegnato"}`}
                      </span>
                    </a>
                  </h3>
                  <dl className="row mb-0">
                    <dt className="col-sm-3">Avviso</dt>
                    <dd className="col-sm-9">{p.avviso ?? `Misura ${p.misura}`}</dd>
                    <dt className="col-sm-3">CUP</dt>
                    <dd className="col-sm-9">{p.cup ?? "non ancora assegnato"}</dd>
                    <dt className="col-sm-3">Importo finanziato</dt>
                    <dd className="col-sm-9">
                      {p.amountCents === null ? "—" : formatEuro(p.amountCents)}
                      {p.withdrawal ? " (escluso dal totale)" : null}
                    </dd>
                    <dt className="col-sm-3">Stato</dt>
                    <dd className="col-sm-9">{p.state}</dd>
                  </dl>
                </article>
              ))}
            </section>
          ))}
        </>
      )}
    </PublicPage>
  );
}
