import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { safeReturnPath } from "~/auth/return-path";
import { startSession } from "~/auth/session.server";
import { lockedMessage } from "~/auth/throttle";
import { Field } from "~/components/Field";
import { formFailed, formValue } from "~/forms/form-result";
import { signIn } from "~/models/utenti.server";

export const meta: MetaFunction = () => [{ title: "Accedi · Cruscotto PNRR" }];

export function loader({ context }: LoaderFunctionArgs) {
  if (context.user) throw redirect("/");
  return null;
}

const SignInForm = z.object({
  email: z.string().trim().toLowerCase().max(320),
  password: z.string().max(200),
  ritorno: z.string().optional(),
});

export async function action({ request, context }: ActionFunctionArgs) {
  const form = SignInForm.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success || !form.data.email || !form.data.password) {
    return formFailed({ _form: "Inserire email e password." }, { email: form.data?.email ?? "" });
  }
  const result = await signIn(
    context.db,
    form.data.email,
    form.data.password,
    context.clientAddress,
  );
  if (result.ok) {
    throw redirect(safeReturnPath(form.data.ritorno, context.config.publicUrl), {
      headers: { "Set-Cookie": await startSession(result.userId) },
    });
  }
  const error =
    result.reason === "locked"
      ? lockedMessage(result.retryAfterMs)
      : "Email o password non corretti.";
  return formFailed({ _form: error }, { email: form.data.email });
}

export default function SignIn() {
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <section className="narrow">
      <h1>Accedi</h1>
      <p>Per consultare e aggiornare i progetti del tuo ente.</p>
      {data?.errors._form ? (
        <p className="alert" role="alert">
          {data.errors._form}
        </p>
      ) : null}
      <Form method="post">
        <input type="hidden" name="ritorno" value={params.get("ritorno") ?? "/"} />
        <Field
          name="email"
          label="Email"
          type="email"
          autoComplete="username"
          required
          defaultValue={formValue(data, "email")}
        />
        <Field
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          required
        />
        <button type="submit">Accedi</button>
      </Form>
    </section>
  );
}
