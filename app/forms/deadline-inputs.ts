/**
 * Form inputs of deadlines as the platform counts them (decision 009): a change of deadline,
 * the dates the platform shows for a progetto, and an avviso's rules. Messages in Italian,
 * keyed by field.
 */
import { z } from "zod";
import { addsDays, DEADLINE_CHANGE_KINDS } from "../domain/avviso-rules";
import { RULES } from "../domain/measures";
import { date, optionalDate, optionalText } from "./step-inputs";

const optionalDays = z
  .string()
  .trim()
  .refine((v) => v === "" || (/^[0-9]{1,4}$/.test(v) && Number(v) >= 1 && Number(v) <= 3650), {
    error: "Inserire un numero di giorni da 1 a 3650",
  })
  .transform((v) => (v === "" ? null : Number(v)));

export const ProrogaInput = z
  .object({
    deadlineKind: z.enum(["contract", "completion"], { error: "Scegliere la scadenza" }),
    kind: z.enum(DEADLINE_CHANGE_KINDS, { error: "Scegliere il tipo di modifica" }),
    grantedOn: date("Inserire la data della concessione o della richiesta"),
    days: optionalDays,
    until: optionalDate,
    note: optionalText(),
  })
  .superRefine((p, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: "custom", path: [path], message });
    if (addsDays(p.kind)) {
      if (p.days === null) issue("days", "Indicare i giorni di proroga concessi");
      if (p.until !== null) issue("until", "Una proroga si indica in giorni, non con una data");
    } else {
      if (p.until === null) issue("until", "Indicare la nuova scadenza");
      if (p.days !== null) issue("days", "Questa modifica fissa una data, non aggiunge giorni");
    }
  });

export const PlatformDeadlinesInput = z
  .object({
    platformContractDue: optionalDate,
    platformCompletionDue: optionalDate,
  })
  .superRefine((p, ctx) => {
    if (
      p.platformContractDue !== null &&
      p.platformCompletionDue !== null &&
      p.platformCompletionDue < p.platformContractDue
    )
      ctx.addIssue({
        code: "custom",
        path: ["platformCompletionDue"],
        message: "Il completamento non può scadere prima della contrattualizzazione",
      });
  });

const base = (values: readonly string[]) =>
  z
    .enum(["", ...values] as [string, ...string[]], { error: "Scegliere da quando si conta" })
    .transform((v) => (v === "" ? null : v));

export const AvvisoRulesInput = z
  .object({
    rules: z
      .enum(["", RULES.comuni141], { error: "Scegliere quali importi valgono" })
      .transform((v) => (v === "" ? null : v)),
    contractFrom: base(["notifica"]) as z.ZodType<"notifica" | null, string>,
    contractDaysSmall: optionalDays,
    contractDaysLarge: optionalDays,
    completionFrom: base(["notifica", "contratto"]) as z.ZodType<
      "notifica" | "contratto" | null,
      string
    >,
    completionDaysSmall: optionalDays,
    completionDaysLarge: optionalDays,
    finalDeadline: optionalDate,
    rulesSource: optionalText(1000),
  })
  .superRefine((r, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: "custom", path: [path], message });
    for (const [from, small, large] of [
      ["contractFrom", "contractDaysSmall", "contractDaysLarge"],
      ["completionFrom", "completionDaysSmall", "completionDaysLarge"],
    ] as const) {
      if (r[from] !== null) {
        if (r[small] === null) issue(small, "Indicare i giorni fino a 5.000 abitanti");
        if (r[large] === null) issue(large, "Indicare i giorni oltre 5.000 abitanti");
      } else if (r[small] !== null || r[large] !== null) {
        issue(from, "Indicare da quando si contano i giorni");
      }
    }
  });
