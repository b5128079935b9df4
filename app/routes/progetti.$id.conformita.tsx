import {
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { authorizeProgetto } from "~/auth/authorize.server";
import { ErrorSummary } from "~/components/ErrorSummary";
import { FormVersion } from "~/components/FormVersion";
import { JobProgress } from "~/components/JobProgress";
import { checklistItems, describeReadiness } from "~/domain/conformity";
import { ChecklistTable } from "~/features/conformity/ChecklistTable";
import { loadChecklist, saveChecklist } from "~/features/conformity/conformity.server";
import { siteCheckShown, startSiteCheck } from "~/features/conformity/site-check-job.server";
import { BackToProgetto } from "~/features/progetto/BackToProgetto";
import { readChecklistInput } from "~/forms/conformity-input";
import { formFailed, formSaved } from "~/forms/form-result";
import { formFields, versionConflict } from "~/forms/step-form.server";
import { actorOf } from "~/models/audited.server";

export const meta: MetaFunction = () => [{ title: "Checklist di conformità · Cruscotto PNRR" }];

/** A running site check's progress changes without a data version: never from a cache. */
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export function loader(args: LoaderFunctionArgs) {
  const { context, request } = args;
  const { record } = authorizeProgetto(args, "read");
  const progettoId = record.progetto.id;
  return {
    progetto: { id: progettoId, title: record.progetto.title, cup: record.progetto.cup },
    version: record.version,
    checklist: loadChecklist(context.db, progettoId, record.assessment.services),
    siteCheck: siteCheckShown(context.db, progettoId, new URL(request.url).searchParams),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { context, request } = args;
  const { user, record } = authorizeProgetto(args, "write");
  const progettoId = record.progetto.id;
  const form = await request.formData();
  if (form.get("intent") === "check") {
    const siteUrl = record.progetto.siteUrl;
    if (!siteUrl) return formFailed({ siteUrl: "Salvare prima l'indirizzo del sito" });
    // Answers at once: the site is read by a job, which the page then follows.
    const job = startSiteCheck(context, actorOf(user), progettoId, siteUrl);
    return redirect(`/progetti/${progettoId}/conformita?verifica=${job.id}`, 303);
  }
  const fields = formFields(form);
  const conflict = versionConflict(fields.version, record.version);
  if (conflict) return formFailed(conflict);
  const services = record.assessment.services;
  const items = checklistItems(services);
  const parsed = readChecklistInput(fields, items, services);
  if ("errors" in parsed) return formFailed(parsed.errors);
  saveChecklist(context.db, actorOf(user), progettoId, items, parsed.input);
  return formSaved("Checklist salvata.");
}

export default function ConformitaPage() {
  const { progetto, version, checklist, siteCheck } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string> = result?.errors ?? {};
  const r = checklist.readiness;
  return (
    <section>
      <BackToProgetto progetto={progetto} />
      <h1>Checklist di conformità</h1>
      <p className={r.ready ? "notice" : "warning"} role="status" id="prontezza">
        <strong>{describeReadiness(r)}</strong> — conformi {r.conforme}, tollerati {r.tollerato}, da
        verificare {r.open}, non conformi {r.failing} (su {r.total} criteri).
      </p>
      {result?.message ? (
        <p className="notice" role="status">
          {result.message}
        </p>
      ) : null}

      {siteCheck?.running ? (
        <JobProgress
          id="verifica-progress"
          label={siteCheck.running}
          progress={siteCheck.progress}
        />
      ) : (
        <>
          {siteCheck?.message ? (
            <p className={siteCheck.failed ? "alert" : "notice"} role="status">
              {siteCheck.message}
            </p>
          ) : null}
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="check" />
            <button type="submit" disabled={busy}>
              Verifica automatica del sito
            </button>
            {errors.siteUrl && !checklist.siteUrl ? (
              <span className="error-message"> {errors.siteUrl}</span>
            ) : null}
          </Form>
        </>
      )}

      <ErrorSummary errors={result?.errors} />
      <Form method="post">
        <input type="hidden" name="intent" value="save" />
        <FormVersion version={version} error={errors._form} />
        <fieldset>
          <legend>Dati richiesti dalla checklist finale</legend>
          <div className="field">
            <label htmlFor="siteUrl">Indirizzo del sito comunale</label>
            <input id="siteUrl" name="siteUrl" defaultValue={checklist.siteUrl ?? ""} />
            {errors.siteUrl ? <p className="error-message">{errors.siteUrl}</p> : null}
          </div>
          <div className="field">
            <label htmlFor="servicesUrl">Indirizzo del sottodominio dei servizi</label>
            <input id="servicesUrl" name="servicesUrl" defaultValue={checklist.servicesUrl ?? ""} />
            {errors.servicesUrl ? <p className="error-message">{errors.servicesUrl}</p> : null}
          </div>
          {checklist.services.map((s) => (
            <div className="field" key={s.id}>
              <label htmlFor={`serviceUrl:${s.id}`}>Indirizzo del servizio «{s.name}»</label>
              <input
                id={`serviceUrl:${s.id}`}
                name={`serviceUrl:${s.id}`}
                defaultValue={s.url ?? ""}
              />
              {errors[`serviceUrl:${s.id}`] ? (
                <p className="error-message">{errors[`serviceUrl:${s.id}`]}</p>
              ) : null}
            </div>
          ))}
          <div className="field checkbox">
            <input
              type="checkbox"
              id="testCredentialsSupplied"
              name="testCredentialsSupplied"
              defaultChecked={checklist.testCredentialsSupplied}
            />
            <label htmlFor="testCredentialsSupplied">
              Credenziali di prova fornite al verificatore (non scriverle qui: il cruscotto non le
              conserva)
            </label>
          </div>
        </fieldset>

        <ChecklistTable items={checklist.items} errors={errors} />
        <button type="submit" disabled={busy}>
          Salva la checklist
        </button>
      </Form>
    </section>
  );
}
