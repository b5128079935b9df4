import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { authorizeProgetto } from "~/auth/authorize.server";
import { FormVersion } from "~/components/FormVersion";
import { checklistItems, describeReadiness } from "~/domain/conformity";
import { DEFAULT_LIMITS } from "~/features/conformity/bounded-fetch.server";
import { ChecklistTable } from "~/features/conformity/ChecklistTable";
import { checkSite } from "~/features/conformity/check-site.server";
import {
  loadChecklist,
  recordSiteCheck,
  saveChecklist,
} from "~/features/conformity/conformity.server";
import { BackToProgetto } from "~/features/progetto/BackToProgetto";
import { readChecklistInput } from "~/forms/conformity-input";
import { formFailed, formSaved } from "~/forms/form-result";
import { formFields, versionConflict } from "~/forms/step-form.server";
import { actorOf } from "~/models/audited.server";

export const meta: MetaFunction = () => [{ title: "Checklist di conformità · Cruscotto PNRR" }];

export function loader(args: LoaderFunctionArgs) {
  const { context } = args;
  const { record } = authorizeProgetto(args, "read");
  return {
    progetto: { id: record.progetto.id, title: record.progetto.title, cup: record.progetto.cup },
    version: record.version,
    checklist: loadChecklist(context.db, record.progetto.id, record.assessment.services),
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
    const results = await checkSite(siteUrl, {
      ...DEFAULT_LIMITS,
      allowPrivate: context.config.siteCheckAllowPrivate,
    });
    recordSiteCheck(context.db, actorOf(user), progettoId, siteUrl, results);
    const ok = results.filter((r) => r.outcome === "conforme").length;
    return formSaved(
      `Verifica automatica registrata: ${ok} criteri su ${results.length} risultano conformi. Gli stati impostati a mano non sono cambiati.`,
    );
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
  const { progetto, version, checklist } = useLoaderData<typeof loader>();
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

      <Form method="post" className="inline-form">
        <input type="hidden" name="intent" value="check" />
        <button type="submit" disabled={busy}>
          Verifica automatica del sito
        </button>
        {errors.siteUrl && !checklist.siteUrl ? (
          <span className="error-message"> {errors.siteUrl}</span>
        ) : null}
      </Form>

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
