import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatDate, formatEuro } from "~/domain/format";
import { grantJsonLd } from "~/features/attuazione/attuazione";
import { requireAttuazioneProgetto } from "~/features/attuazione/attuazione.server";
import { PublicPage } from "~/features/attuazione/PublicPage";
import { publicHandle, publicLinks, publicPageHeaders } from "~/features/attuazione/route-exports";
import { publicHeaders } from "~/infra/public-cache.server";

export const handle = publicHandle;
export const links = publicLinks;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.progetto.title ?? "Progetto PNRR"} · Comune di ${data?.comune.name ?? ""}` },
  { name: "description", content: `Progetto PNRR ${data?.progetto.cup ?? ""}`.trim() },
  // schema.org description of the grant; meta descriptors render it as a JSON-LD script.
  ...(data ? [{ "script:ld+json": data.jsonLd }] : []),
];

export const headers = publicPageHeaders;

export function loader({ params, request, context }: LoaderFunctionArgs) {
  const found = requireAttuazioneProgetto({ params, context });
  const url = new URL(request.url);
  const jsonLd = grantJsonLd({
    url: `${context.config.publicUrl}${url.pathname}`,
    title: found.progetto.title,
    cup: found.progetto.cup,
    amountCents: found.progetto.amountCents,
    misura: found.progetto.misura,
    comune: found.comune.name,
    dateModified: found.lastUpdated,
  });
  return data(
    { ...found, jsonLd, embed: url.searchParams.get("embed") === "1" },
    { headers: publicHeaders(context.policy.today) },
  );
}

export default function AttuazioneProgetto() {
  const {
    comune,
    footerLinks,
    progetto: p,
    steps,
    documenti,
    lastUpdated,
    embed,
  } = useLoaderData<typeof loader>();
  const base = `/attuazione/${comune.istat}`;
  const self = `${base}/progetti/${p.id}`;
  return (
    <PublicPage
      owner={`Comune di ${comune.name}`}
      title={`Comune di ${comune.name}`}
      tagline="Attuazione misure PNRR"
      home={base}
      embed={embed}
      lastUpdated={lastUpdated}
      footerLinks={footerLinks}
      crumbs={[
        { label: "Home", href: "/attuazione" },
        { label: "Attuazione misure PNRR", href: base },
        { label: p.title },
      ]}
      dataLinks={[{ label: "JSON", href: `${self}/dati.json` }]}
    >
      <h1>{p.title}</h1>
      <p className="lead">
        Misura {p.misura} – {p.misuraTitle}
      </p>
      <dl className="row">
        <dt className="col-sm-4">Missione e componente</dt>
        <dd className="col-sm-8">
          {[p.missione, p.componente].filter(Boolean).join(" – ") || "—"}
        </dd>
        <dt className="col-sm-4">Investimento</dt>
        <dd className="col-sm-8">{p.investimento || "—"}</dd>
        <dt className="col-sm-4">Avviso</dt>
        <dd className="col-sm-8">{p.avviso ?? "—"}</dd>
        <dt className="col-sm-4">CUP</dt>
        <dd className="col-sm-8">{p.cup ?? "non ancora assegnato"}</dd>
        <dt className="col-sm-4">Importo finanziato</dt>
        <dd className="col-sm-8">
          {p.amountCents === null ? "—" : formatEuro(p.amountCents)}
          {p.split ? (
            <>
              {" "}
              {`(sito ${formatEuro(p.split.siteCents)}, servizi ${formatEuro(p.split.servicesCents)}; fascia ${p.split.band})`}
            </>
          ) : null}
        </dd>
        <dt className="col-sm-4">Fonte di finanziamento</dt>
        <dd className="col-sm-8">{p.fundingSource}</dd>
        <dt className="col-sm-4">Soggetto attuatore</dt>
        <dd className="col-sm-8">{p.soggettoAttuatore}</dd>
        <dt className="col-sm-4">Stato</dt>
        <dd className="col-sm-8">{p.state}</dd>
      </dl>

      {p.services.length > 0 ? (
        <section aria-labelledby="servizi" className="mt-4">
          <h2 id="servizi" className="h4">
            Servizi digitali finanziati
          </h2>
          <ul>
            {p.services.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
          {p.substitutions.length > 0 ? (
            <p>
              Modifiche approvate:{" "}
              {p.substitutions.map((s) => (
                <span key={s}>{s}. </span>
              ))}
            </p>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="fasi" className="mt-4">
        <h2 id="fasi" className="h4">
          Fasi del progetto
        </h2>
        <ol className="attuazione-steps">
          {steps.map((s) => (
            <li key={`${s.title}-${s.date}`}>
              <strong>{s.date ? formatDate(s.date) : "Data non indicata"}</strong> – {s.title}
              {s.details.length > 0 ? (
                <ul className="small mb-0">
                  {s.details.map((d) => (
                    <li key={d}>{d}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="documenti" className="mt-4">
        <h2 id="documenti" className="h4">
          Documenti
        </h2>
        {documenti.length === 0 ? (
          <p>Nessun documento pubblicato.</p>
        ) : (
          <ul className="list-unstyled">
            {documenti.map((d) => (
              <li key={d.id} className="mb-2">
                <a href={`${self}/documenti/${d.id}`}>{d.title}</a>
                <br />
                <span className="small">
                  Pubblicato il {formatDate(d.date)} – {d.label}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </PublicPage>
  );
}
