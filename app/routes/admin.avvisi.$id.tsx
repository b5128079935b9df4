import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { adminOnly, recordIdParam } from "~/auth/authorize.server";
import { ErrorSummary } from "~/components/ErrorSummary";
import { Field } from "~/components/Field";
import { Select } from "~/components/Select";
import { AMOUNT_RULE_LABELS, COUNTING_BASE_LABELS } from "~/domain/avviso-rules";
import { formatDate } from "~/domain/format";
import { RULES } from "~/domain/measures";
import { AvvisoRulesInput } from "~/forms/deadline-inputs";
import { fieldErrors } from "~/forms/field-errors";
import { formFailed, formSaved, formValue } from "~/forms/form-result";
import { formFields } from "~/forms/step-form.server";
import { actorOf } from "~/models/audited.server";
import { getAvviso, saveAvvisoRules } from "~/models/avvisi.server";
import type { Db } from "../../db/connection";

export const meta: MetaFunction = () => [{ title: "Regole dell'avviso · Cruscotto PNRR" }];

function findAvviso(db: Db, param: string | undefined) {
  const found = getAvviso(db, recordIdParam(param, "Avviso"));
  if (!found) throw new Response("Avviso non trovato", { status: 404 });
  return found;
}

export function loader(args: LoaderFunctionArgs) {
  adminOnly(args);
  return { avviso: findAvviso(args.context.db, args.params.id) };
}

export async function action(args: ActionFunctionArgs) {
  const admin = adminOnly(args);
  const db = args.context.db;
  const { id } = findAvviso(db, args.params.id);
  const fields = formFields(await args.request.formData());
  const parsed = AvvisoRulesInput.safeParse(fields);
  if (!parsed.success) return formFailed(fieldErrors(parsed.error), fields);
  saveAvvisoRules(db, actorOf(admin), id, parsed.data);
  return formSaved("Regole salvate: le scadenze dei progetti di questo avviso sono ricalcolate.");
}

const AMOUNTS = [
  { value: "", label: AMOUNT_RULE_LABELS.decreto },
  { value: RULES.comuni141, label: AMOUNT_RULE_LABELS[RULES.comuni141] },
];
const FROM_NOTIFICA = [{ value: "notifica", label: COUNTING_BASE_LABELS.notifica }];
const FROM_ANY = [...FROM_NOTIFICA, { value: "contratto", label: COUNTING_BASE_LABELS.contratto }];

export default function AvvisoPage() {
  const { avviso: a } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors: Record<string, string> = data?.errors ?? {};
  const value = (name: string, stored: string | number | null) => formValue(data, name, stored);
  return (
    <section className="narrow">
      <p>
        <Link to="/admin/avvisi">← Tutti gli avvisi</Link>
      </p>
      <h1>{a.title}</h1>
      <p className="muted">
        Misura {a.misura}
        {a.target ? ` · destinatari: ${a.target}` : ""}
        {a.opensOn ? ` · aperto dal ${formatDate(a.opensOn)}` : ""}
        {a.closesOn ? ` al ${formatDate(a.closesOn)}` : ""}
      </p>
      {data?.message ? (
        <p className="notice" role="status">
          {data.message}
        </p>
      ) : null}
      <ErrorSummary errors={data?.errors} />
      <Form method="post">
        {errors._form ? <p className="error-message">{errors._form}</p> : null}
        <Select
          name="rules"
          label="Importi"
          options={AMOUNTS}
          defaultValue={value("rules", a.rules)}
          error={errors.rules}
        />
        <h2>Contrattualizzazione del fornitore</h2>
        <Select
          name="contractFrom"
          label="Si conta"
          placeholder="Regola non nota: vale la data della piattaforma"
          options={FROM_NOTIFICA}
          defaultValue={value("contractFrom", a.contractFrom)}
          error={errors.contractFrom}
        />
        <Field
          name="contractDaysSmall"
          label="Giorni, fino a 5.000 abitanti"
          inputMode="numeric"
          defaultValue={value("contractDaysSmall", a.contractDaysSmall)}
          error={errors.contractDaysSmall}
        />
        <Field
          name="contractDaysLarge"
          label="Giorni, oltre 5.000 abitanti"
          inputMode="numeric"
          defaultValue={value("contractDaysLarge", a.contractDaysLarge)}
          error={errors.contractDaysLarge}
        />
        <h2>Completamento delle attività</h2>
        <Select
          name="completionFrom"
          label="Si conta"
          placeholder="Regola non nota: vale la data della piattaforma"
          options={FROM_ANY}
          defaultValue={value("completionFrom", a.completionFrom)}
          error={errors.completionFrom}
        />
        <Field
          name="completionDaysSmall"
          label="Giorni, fino a 5.000 abitanti"
          inputMode="numeric"
          defaultValue={value("completionDaysSmall", a.completionDaysSmall)}
          error={errors.completionDaysSmall}
        />
        <Field
          name="completionDaysLarge"
          label="Giorni, oltre 5.000 abitanti"
          inputMode="numeric"
          defaultValue={value("completionDaysLarge", a.completionDaysLarge)}
          error={errors.completionDaysLarge}
        />
        <h2>Data ultima</h2>
        <Field
          name="finalDeadline"
          label="Data ultima che nessuna scadenza, proroga o slot supera"
          hint="Lasciare vuoto se l'avviso non ne fissa una."
          type="date"
          defaultValue={value("finalDeadline", a.finalDeadline)}
          error={errors.finalDeadline}
        />
        <Field
          name="rulesSource"
          label="Fonte delle regole"
          hint="Avviso, decreto o comunicazione da cui vengono le regole."
          defaultValue={value("rulesSource", a.rulesSource)}
          error={errors.rulesSource}
        />
        <button type="submit">Salva le regole</button>
      </Form>
    </section>
  );
}
