import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { authorizeComune } from "~/auth/authorize.server";
import { Field } from "~/components/Field";
import { formatDate, formatInteger } from "~/domain/format";
import { PortfolioTable } from "~/features/portfolio/PortfolioTable";
import { loadComunePortfolio } from "~/features/portfolio/portfolio.server";
import { AnagraficaInput, PublicLinksInput } from "~/forms/comune-input";
import { fieldErrors } from "~/forms/field-errors";
import { fieldProps, formFailed, formSaved } from "~/forms/form-result";
import { formFields } from "~/forms/step-form.server";
import { actorOf } from "~/models/audited.server";
import { updateAnagrafica, updatePublicLinks } from "~/models/comuni.server";

/** The page depends only on its viewer, the data and the day: kept until one changes. */
export const handle = { pageCache: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.comune.name ?? "Comune"} · Cruscotto PNRR` },
];

export function loader(args: LoaderFunctionArgs) {
  const { comune, editable } = authorizeComune(args, "read");
  const { db, policy } = args.context;
  return { comune, editable, today: policy.today, ...loadComunePortfolio(db, policy, comune.id) };
}

export async function action(args: ActionFunctionArgs) {
  const { context } = args;
  const { user, comune } = authorizeComune(args, "write");
  const id = comune.id;
  const form = formFields(await args.request.formData());
  if (form.intent === "collegamenti") {
    const links = PublicLinksInput.safeParse(form);
    if (!links.success)
      return { ...formFailed(fieldErrors(links.error), form), intent: "collegamenti" };
    updatePublicLinks(context.db, actorOf(user), id, links.data);
    return { ...formSaved("Collegamenti salvati."), intent: "collegamenti" };
  }
  const parsed = AnagraficaInput.safeParse(form);
  if (!parsed.success) return formFailed(fieldErrors(parsed.error), form);
  updateAnagrafica(context.db, actorOf(user), id, parsed.data);
  return formSaved("Dati salvati.");
}

export default function ComunePage() {
  const { comune, editable, groups, totals, others, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  // Two forms on one page: each shows only its own answer.
  const links = result && "intent" in result ? result : undefined;
  const data = result && !("intent" in result) ? result : undefined;
  return (
    <>
      <h1>
        Comune di {comune.name}
        {comune.fictional ? <span className="badge badge-demo">dimostrativo</span> : null}
      </h1>
      {comune.suppressed ? (
        <p className="notice">
          Comune soppresso o fuso: i dati ufficiali più recenti non ne riportano il codice ISTAT
          (N/D). I suoi progetti restano qui.
        </p>
      ) : null}
      {comune.codiceIstat ? (
        <p>
          Pagina pubblica "Attuazione misure PNRR":{" "}
          <a href={`/attuazione/${comune.codiceIstat}`}>/attuazione/{comune.codiceIstat}</a> (da
          collegare o incorporare nel sito del comune con <code>?embed=1</code>)
        </p>
      ) : null}
      <dl className="facts">
        <dt>Provincia e regione</dt>
        <dd>
          {comune.provincia} · {comune.regione}
        </dd>
        <dt>Codice ISTAT</dt>
        <dd>{comune.codiceIstat ?? "N/D"}</dd>
        <dt>Codice IPA</dt>
        <dd>{comune.codiceIpa ?? "—"}</dd>
        <dt>Unione</dt>
        <dd>{comune.unione ?? "Nessuna"}</dd>
        <dt>Popolazione</dt>
        <dd>
          {comune.population === null
            ? "Non indicata"
            : `${formatInteger(comune.population)} abitanti${comune.populationDate ? ` al ${formatDate(comune.populationDate)}` : ""}`}
        </dd>
      </dl>
      <PortfolioTable groups={groups} totals={totals} />
      <p className="hint">Situazione al {formatDate(today)}.</p>
      {others.length > 0 ? (
        <>
          <h2>Progetti di altri enti con sede nel comune</h2>
          <ul>
            {others.map((p) => (
              <li key={p.id}>
                <Link to={`/progetti/${p.id}`}>
                  {p.beneficiary} · misura {p.misura} · CUP {p.cup ?? "non assegnato"}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {editable ? (
        <p>
          <Link to={`/comuni/${comune.id}/progetti/nuovo`}>
            Registra una nuova candidatura 1.4.1
          </Link>
        </p>
      ) : null}
      {editable ? (
        <>
          <h2>Aggiorna la popolazione</h2>
          {data?.message ? (
            <p className="notice" role="status">
              {data.message}
            </p>
          ) : null}
          <Form method="post" className="narrow">
            <Field
              {...fieldProps(data, "population", comune.population)}
              label="Popolazione"
              inputMode="numeric"
            />
            <Field
              {...fieldProps(data, "populationDate", comune.populationDate)}
              label="Data di riferimento"
              type="date"
            />
            <button type="submit">Salva</button>
          </Form>
          <h2>Collegamenti della pagina pubblica</h2>
          <p>
            Il piè di pagina della pagina "Attuazione misure PNRR" collega queste pagine del sito
            del comune; se un indirizzo manca, il collegamento non compare.
          </p>
          {links?.message ? (
            <p className="notice" role="status">
              {links.message}
            </p>
          ) : null}
          <Form method="post" className="narrow">
            <input type="hidden" name="intent" value="collegamenti" />
            <Field
              {...fieldProps(links, "accessibilityUrl", comune.accessibilityUrl)}
              label="Dichiarazione di accessibilità (indirizzo web)"
              type="url"
              inputMode="url"
              maxLength={500}
            />
            <Field
              {...fieldProps(links, "privacyUrl", comune.privacyUrl)}
              label="Informativa privacy (indirizzo web)"
              type="url"
              inputMode="url"
              maxLength={500}
            />
            <button type="submit">Salva i collegamenti</button>
          </Form>
        </>
      ) : null}
    </>
  );
}
