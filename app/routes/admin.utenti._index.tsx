import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ROLE_LABELS } from "~/auth/access";
import { adminOnly } from "~/auth/authorize.server";
import { generatePassword } from "~/auth/password.server";
import { ErrorSummary } from "~/components/ErrorSummary";
import { Pagination } from "~/components/Pagination";
import { TableScroll } from "~/components/TableScroll";
import { UtenteFields, type UtenteValues } from "~/components/UtenteFields";
import { fieldErrors } from "~/forms/field-errors";
import { formFailed, formSaved } from "~/forms/form-result";
import { pageOf } from "~/forms/paging";
import { parseUtenteForm, utenteFormValues } from "~/forms/utente-form";
import { actorOf } from "~/models/audited.server";
import {
  countUtenti,
  createUtente,
  DuplicateEmailError,
  listUtenti,
  scopeChoices,
} from "~/models/utenti.server";

export const meta: MetaFunction = () => [{ title: "Utenti · Cruscotto PNRR" }];

export function loader(args: LoaderFunctionArgs) {
  const { context } = args;
  adminOnly(args);
  const db = context.db;
  const page = pageOf(new URL(args.request.url).searchParams, countUtenti(db));
  return {
    utenti: listUtenti(db, { limit: page.size, offset: page.offset }),
    page,
    choices: scopeChoices(db),
  };
}

const EMPTY: UtenteValues = {
  email: "",
  name: "",
  role: "",
  unioneId: null,
  comuneIds: [],
  active: true,
};

export async function action(args: ActionFunctionArgs) {
  const { context } = args;
  const admin = adminOnly(args);
  const form = await args.request.formData();
  const parsed = parseUtenteForm(form);
  const values = utenteFormValues(form);
  if (!parsed.success) return { ...formFailed(fieldErrors(parsed.error), values), created: null };
  const password = generatePassword();
  try {
    await createUtente(context.db, actorOf(admin), parsed.data, password);
  } catch (error) {
    if (error instanceof DuplicateEmailError)
      return { ...formFailed({ email: error.message }, values), created: null };
    throw error;
  }
  return { ...formSaved(null, EMPTY), created: { email: parsed.data.email, password } };
}

export default function Utenti() {
  const { utenti, page, choices } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const comuneName = new Map(choices.comuni.map((c) => [c.id, c.name]));
  return (
    <>
      <h1>Utenti</h1>
      <TableScroll label="Account">
        <table id="utenti">
          <caption>
            Account e ambito di lavoro, per email
            {page.pages > 1 ? ` (pagina ${page.number} di ${page.pages})` : ""}
          </caption>
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Nome</th>
              <th scope="col">Ruolo</th>
              <th scope="col">Ambito</th>
              <th scope="col">Stato</th>
            </tr>
          </thead>
          <tbody>
            {utenti.map((u) => (
              <tr key={u.id}>
                <th scope="row">
                  <Link to={`/admin/utenti/${u.id}`}>{u.email}</Link>
                </th>
                <td>{u.name}</td>
                <td>{ROLE_LABELS[u.role]}</td>
                <td>
                  {u.role === "admin"
                    ? "Tutti gli enti"
                    : u.role === "coordinatore"
                      ? (u.unione ?? "—")
                      : u.comuneIds.map((id) => comuneName.get(id)).join(", ")}
                </td>
                <td>{u.active ? "Attivo" : "Disattivato"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <Pagination page={page} label="utenti" />

      <h2>Nuovo utente</h2>
      {data?.created ? (
        <p className="notice" role="status">
          Account creato per <strong>{data.created.email}</strong>. Password temporanea:{" "}
          <code>{data.created.password}</code> — comunicala all'utente: non sarà più mostrata.
        </p>
      ) : null}
      <ErrorSummary errors={data?.errors} />
      <Form method="post" className="narrow">
        <input type="hidden" name="intent" value="create" />
        <UtenteFields
          values={data?.values ?? EMPTY}
          errors={data?.errors ?? {}}
          choices={choices}
          withActive={false}
        />
        <button type="submit">Crea utente</button>
      </Form>
    </>
  );
}
