import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatEuro } from "~/domain/format";
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
  const { comune, groups, progetti, lastUpdated, embed } = useLoaderData<typeof loader>();
  const base = `/attuazione/${comune.istat}`;
  const suffix = embed ? "?embed=1" : "";
  return (
    <PublicPage
      comune={comune.name}
      home={base}
      embed={embed}
      lastUpdated={lastUpdated}
      crumbs={[
        { label: "Home" },
        { label: "Amministrazione" },
        { label: "Attuazione misure PNRR" },
      ]}
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
        groups.map((g) => (
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
                  <a href={`${base}/progetti/${p.id}${suffix}`}>{p.title}</a>
                </h3>
                <dl className="row mb-0">
                  <dt className="col-sm-3">CUP</dt>
                  <dd className="col-sm-9">{p.cup ?? "non ancora assegnato"}</dd>
                  <dt className="col-sm-3">Importo finanziato</dt>
                  <dd className="col-sm-9">
                    {p.amountCents === null ? "—" : formatEuro(p.amountCents)}
                  </dd>
                  <dt className="col-sm-3">Stato</dt>
                  <dd className="col-sm-9">{p.state}</dd>
                </dl>
              </article>
            ))}
          </section>
        ))
      )}
    </PublicPage>
  );
}
