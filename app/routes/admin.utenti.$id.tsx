import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { adminOnly, recordIdParam } from "~/auth/authorize.server";
import { generatePassword } from "~/auth/password.server";
import { endOtherSessions } from "~/auth/session.server";
import { ErrorSummary } from "~/components/ErrorSummary";
import { UtenteFields, type UtenteValues } from "~/components/UtenteFields";
import { fieldErrors } from "~/forms/field-errors";
import { formFailed, formSaved } from "~/forms/form-result";
import { parseUtenteForm, utenteFormValues } from "~/forms/utente-form";
import { actorOf } from "~/models/audited.server";
import {
  DuplicateEmailError,
  listUtenti,
  scopeChoices,
  setPassword,
  updateUtente,
} from "~/models/utenti.server";
import type { Db } from "../../db/connection";

export const meta: MetaFunction = () => [{ title: "Modifica utente · Cruscotto PNRR" }];

function findUtente(db: Db, param: string | undefined) {
  const id = recordIdParam(param, "Utente");
  const found = listUtenti(db, { id })[0];
  if (!found) throw new Response("Utente non trovato", { status: 404 });
  return found;
}

export function loader(args: LoaderFunctionArgs) {
  const { context } = args;
  adminOnly(args);
  return { utente: findUtente(context.db, args.params.id), choices: scopeChoices(context.db) };
}

export async function action(args: ActionFunctionArgs) {
  const { context } = args;
  const admin = adminOnly(args);
  const id = findUtente(context.db, args.params.id).id;
  const form = await args.request.formData();
  const db = context.db;
  if (form.get("intent") === "reset-password") {
    const password = generatePassword();
    await setPassword(db, actorOf(admin), id, password);
    // Whoever knew the old password is signed out everywhere.
    await endOtherSessions(id, args.request.headers.get("Cookie"));
    // Shown once, in its own notice: it is not a message to keep in the form.
    return { ...formSaved<UtenteValues>(), password };
  }
  const parsed = parseUtenteForm(form);
  const values = utenteFormValues(form);
  if (!parsed.success) return { ...formFailed(fieldErrors(parsed.error), values), password: null };
  if (id === admin.id && (parsed.data.role !== "admin" || !parsed.data.active)) {
    // An admin who demoted or disabled themselves could leave nobody able to manage accounts.
    const message = "Non puoi togliere a te stesso il ruolo di amministratore né disattivarti";
    return { ...formFailed({ role: message }, values), password: null };
  }
  try {
    updateUtente(db, actorOf(admin), id, parsed.data);
  } catch (error) {
    if (error instanceof DuplicateEmailError) {
      return { ...formFailed({ email: error.message }, values), password: null };
    }
    throw error;
  }
  return { ...formSaved<UtenteValues>("Modifiche salvate."), password: null };
}

export default function EditUtente() {
  const { utente, choices } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <section className="narrow">
      <p>
        <Link to="/admin/utenti">← Utenti</Link>
      </p>
      <h1>{utente.email}</h1>
      {data?.message ? (
        <p className="notice" role="status">
          {data.message}
        </p>
      ) : null}
      {data?.password ? (
        <p className="notice" role="status">
          Nuova password temporanea: <code>{data.password}</code> — comunicala all'utente.
        </p>
      ) : null}
      <ErrorSummary errors={data?.errors} />
      <Form method="post">
        <input type="hidden" name="intent" value="update" />
        <UtenteFields
          values={data?.values ?? utente}
          errors={data?.errors ?? {}}
          choices={choices}
          withActive
        />
        <button type="submit">Salva</button>
      </Form>
      <Form method="post">
        <input type="hidden" name="intent" value="reset-password" />
        <button type="submit" className="secondary">
          Reimposta password
        </button>
      </Form>
    </section>
  );
}
