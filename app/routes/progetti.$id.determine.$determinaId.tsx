import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { DeleteStep } from "~/components/DeleteStep";
import { Field } from "~/components/Field";
import { formValue } from "~/components/form-values";
import { readConfig } from "~/config.server";
import { getDb } from "~/db.server";
import { euroInputValue } from "~/domain/money";
import { DeterminaInput } from "~/domain/step-inputs";
import { actorOf } from "~/models/audited.server";
import { requireProgetto, submitStepForm } from "~/models/progetto-route.server";
import { deleteStep, saveDetermina } from "~/models/steps.server";

export const meta: MetaFunction = () => [{ title: "Determina di affidamento · Cruscotto PNRR" }];

function load(params: { id?: string; determinaId?: string }) {
  const record = requireProgetto(params);
  if (params.determinaId === "nuova") return { record, determina: null };
  const determina = record.determine.find((d) => d.id === Number(params.determinaId));
  if (!determina) throw new Response("Determina non trovata", { status: 404 });
  return { record, determina };
}

export function loader({ params }: LoaderFunctionArgs) {
  return load(params);
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const user = requireUser(context.user, request);
  const { record, determina } = load(params);
  const form = await request.formData();
  if (form.get("intent") === "delete" && determina) {
    deleteStep(
      getDb(),
      actorOf(user),
      record.progetto.id,
      "determina",
      determina.id,
      readConfig().filesDir,
    );
    throw redirect(`/progetti/${record.progetto.id}`);
  }
  return submitStepForm(form, {
    progettoId: record.progetto.id,
    schema: DeterminaInput,
    save: (input) =>
      saveDetermina(getDb(), actorOf(user), record.progetto.id, determina?.id ?? null, input),
  });
}

export default function DeterminaPage() {
  const { record, determina: d } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors: Record<string, string> = data?.errors ?? {};
  const value = (name: string, stored: string | number | null | undefined) =>
    formValue(data, name, stored);
  return (
    <section className="narrow">
      <p>
        <Link to={`/progetti/${record.progetto.id}`}>← Torna al progetto</Link>
      </p>
      <h1>{d ? `Determina n. ${d.number}` : "Nuova determina di affidamento"}</h1>
      <Form method="post">
        <Field
          name="number"
          label="Numero della determina"
          defaultValue={value("number", d?.number)}
          error={errors.number}
        />
        <Field
          name="adoptedOn"
          label="Data della determina"
          type="date"
          defaultValue={value("adoptedOn", d?.adoptedOn)}
          error={errors.adoptedOn}
        />
        <Field
          name="supplierName"
          label="Fornitore"
          defaultValue={value("supplierName", d?.supplierName)}
          error={errors.supplierName}
        />
        <Field
          name="supplierVat"
          label="Partita IVA del fornitore"
          inputMode="numeric"
          hint="11 cifre"
          defaultValue={value("supplierVat", d?.supplierVat)}
          error={errors.supplierVat}
        />
        <Field
          name="cig"
          label="CIG"
          hint="10 caratteri"
          defaultValue={value("cig", d?.cig)}
          error={errors.cig}
        />
        <Field
          name="amount"
          label="Importo affidato (€)"
          inputMode="decimal"
          defaultValue={value("amount", euroInputValue(d?.amountCents ?? null))}
          error={errors.amount}
        />
        <Field
          name="contractOn"
          label="Data del contratto"
          type="date"
          hint="Se vuota vale la data della determina. Da qui decorre il termine per completare le attività."
          defaultValue={value("contractOn", d?.contractOn)}
          error={errors.contractOn}
        />
        {errors._form ? <p className="error-message">{errors._form}</p> : null}
        <button type="submit">Salva la determina</button>
      </Form>
      {d ? <DeleteStep label="Elimina la determina e i suoi documenti" /> : null}
    </section>
  );
}
