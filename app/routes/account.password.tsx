import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { z } from "zod";
import { signedIn } from "~/auth/authorize.server";
import { endOtherSessions } from "~/auth/session.server";
import { lockedMessage } from "~/auth/throttle";
import { ErrorSummary } from "~/components/ErrorSummary";
import { Field } from "~/components/Field";
import { fieldErrors } from "~/forms/field-errors";
import { formFailed, formSaved } from "~/forms/form-result";
import { passwordField } from "~/forms/utente-input";
import { actorOf } from "~/models/audited.server";
import { checkPassword, setPassword } from "~/models/utenti.server";

export const meta: MetaFunction = () => [{ title: "Cambia password · Cruscotto PNRR" }];

export function loader({ context, request }: LoaderFunctionArgs) {
  signedIn({ context, request });
  return null;
}

const ChangePassword = z
  .object({
    current: z.string().min(1, { error: "Inserire la password attuale" }),
    next: passwordField,
    confirm: z.string(),
  })
  .refine((f) => f.next === f.confirm, {
    path: ["confirm"],
    error: "Le due password non coincidono",
  });

export async function action({ request, context }: ActionFunctionArgs) {
  const user = signedIn({ context, request });
  const parsed = ChangePassword.safeParse(Object.fromEntries(await request.formData()));
  // What was typed is never sent back: these are passwords.
  if (!parsed.success) return formFailed(fieldErrors(parsed.error));
  const db = context.db;
  const checked = await checkPassword(db, user.id, parsed.data.current);
  if (!checked.ok) {
    const current =
      checked.reason === "locked"
        ? lockedMessage(checked.retryAfterMs)
        : "La password attuale non è corretta";
    return formFailed({ current });
  }
  await setPassword(db, actorOf(user), user.id, parsed.data.next);
  await endOtherSessions(user.id, request.headers.get("Cookie"));
  return formSaved(
    "Password cambiata. Le altre sessioni aperte con questo account sono state chiuse.",
  );
}

export default function ChangePasswordPage() {
  const data = useActionData<typeof action>();
  const errors: Record<string, string> = data?.errors ?? {};
  return (
    <section className="narrow">
      <h1>Cambia password</h1>
      {data?.message ? (
        <p className="notice" role="status">
          {data.message}
        </p>
      ) : null}
      <ErrorSummary errors={data?.errors} />
      <Form method="post">
        <Field
          name="current"
          label="Password attuale"
          type="password"
          autoComplete="current-password"
          error={errors.current}
          required
        />
        <Field
          name="next"
          label="Nuova password"
          type="password"
          autoComplete="new-password"
          hint="Almeno 12 caratteri."
          error={errors.next}
          required
        />
        <Field
          name="confirm"
          label="Ripeti la nuova password"
          type="password"
          autoComplete="new-password"
          error={errors.confirm}
          required
        />
        <button type="submit">Cambia password</button>
      </Form>
    </section>
  );
}
