import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { formatInteger } from "~/domain/format";
import { listPublicComuni } from "~/features/attuazione/attuazione.server";
import { PublicPage } from "~/features/attuazione/PublicPage";
import { PublicPagination } from "~/features/attuazione/PublicPagination";
import { publicHandle, publicLinks, publicPageHeaders } from "~/features/attuazione/route-exports";
import { publicHeaders } from "~/infra/public-cache.server";

export const handle = publicHandle;
export const links = publicLinks;

export const meta: MetaFunction = () => [
  { title: "Attuazione misure PNRR dei comuni" },
  {
    name: "description",
    content:
      "I comuni che pubblicano l'attuazione dei loro progetti PNRR: importi, stato di attuazione e documenti.",
  },
];

export const headers = publicPageHeaders;

/** The public home: the comuni with a page, searchable by name, 50 a page. */
export function loader({ request, context }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  return data(
    { ...listPublicComuni(context.db, params), search: params.toString() },
    { headers: publicHeaders(context.policy.today) },
  );
}

export default function AttuazioneComuni() {
  const { q, page, comuni, search } = useLoaderData<typeof loader>();
  const found =
    page.total === 0
      ? "Nessun comune trovato"
      : page.total === 1
        ? "1 comune trovato"
        : `${formatInteger(page.total)} comuni trovati`;
  return (
    <PublicPage
      owner="Cruscotto PNRR"
      title="Attuazione misure PNRR"
      tagline="I progetti dei comuni finanziati dal PNRR"
      home="/attuazione"
      crumbs={[]}
      staffLink
    >
      <h1>Attuazione misure PNRR dei comuni</h1>
      <p className="lead">
        I progetti dei comuni finanziati dal Piano Nazionale di Ripresa e Resilienza con i fondi
        dell'Unione europea – NextGenerationEU: importi, stato di attuazione e documenti pubblicati.
      </p>
      {/* biome-ignore lint/a11y/useSemanticElements: React 18 does not know <search>; the role is the same landmark */}
      <form method="get" action="/attuazione" role="search" className="attuazione-search mt-5">
        <div className="form-group mb-3">
          <label htmlFor="q" className="active">
            Cerca un comune
          </label>
          <input
            type="search"
            className="form-control"
            id="q"
            name="q"
            defaultValue={q}
            maxLength={80}
            autoComplete="off"
          />
        </div>
        <button type="submit" className="btn btn-primary">
          Cerca
        </button>
      </form>
      <h2 className="h4 mt-4" id="comuni">
        {q ? `${found} per «${q}»` : `${formatInteger(page.total)} comuni con una pagina pubblica`}
        {page.pages > 1 ? ` (pagina ${page.number} di ${page.pages})` : ""}
      </h2>
      {page.total === 0 && !q ? <p>Nessun comune ha ancora progetti registrati.</p> : null}
      {comuni.length > 0 ? (
        <ul className="attuazione-comuni" aria-labelledby="comuni">
          {comuni.map((c) => (
            <li key={c.istat}>
              <a href={`/attuazione/${c.istat}`}>{c.name}</a>
              <span className="text-secondary">
                {c.provincia ? ` (${c.provincia})` : ""}
                {c.fictional ? " – dimostrativo" : ""} ·{" "}
                {c.progetti === 1 ? "1 progetto" : `${formatInteger(c.progetti)} progetti`}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <PublicPagination page={page} search={search} path="/attuazione" label="comuni" />
    </PublicPage>
  );
}
