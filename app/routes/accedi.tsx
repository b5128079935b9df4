import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { safeReturnPath } from "~/auth/return-path";
import { startSession } from "~/auth/session.server";
import { lockedMessage } from "~/auth/throttle";
import { ErrorSummary } from "~/components/ErrorSummary";
import { Field } from "~/components/Field";
import { formFailed, formValue } from "~/forms/form-result";
import { type KeptForm, keptAsHidden, keptFromSignIn } from "~/forms/kept-form";
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
  const posted = await request.formData();
  // A form refused for an expired session comes along, to be sent again after signing in.
  const kept = keptFromSignIn(posted.entries());
  const form = SignInForm.safeParse({
    email: posted.get("email") ?? undefined,
    password: posted.get("password") ?? undefined,
    ritorno: posted.get("ritorno") ?? undefined,
  });
  if (!form.success || !form.data.email || !form.data.password) {
    return {
      ...formFailed({ _form: "Inserire email e password." }, { email: form.data?.email ?? "" }),
      kept,
      resend: null,
    };
  }
  const result = await signIn(
    context.db,
    form.data.email,
    form.data.password,
    context.clientAddress,
  );
  if (result.ok) {
    const cookie = await startSession(result.userId);
    if (!kept) {
      throw redirect(safeReturnPath(form.data.ritorno, context.config.publicUrl), {
        headers: { "Set-Cookie": cookie },
      });
    }
    // Only to a page of ours: the resend is a same-origin post, as the guard requires.
    const resend: KeptForm = {
      ...kept,
      action: safeReturnPath(kept.action, context.config.publicUrl),
    };
    return data(
      { ok: true, errors: {}, values: null, message: null, kept: null, resend },
      { headers: { "Set-Cookie": cookie, "Cache-Control": "no-store" } },
    );
  }
  const error =
    result.reason === "locked"
      ? lockedMessage(result.retryAfterMs)
      : "Email o password non corretti.";
  return { ...formFailed({ _form: error }, { email: form.data.email }), kept, resend: null };
}

export default function SignIn() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  if (result?.resend) return <Resend kept={result.resend} />;
  return (
    <section className="narrow">
      <h1>Accedi</h1>
      <p>Per consultare e aggiornare i progetti del tuo ente.</p>
      <ErrorSummary errors={result?.errors} />
      {result?.kept ? (
        <p>Quello che avevi scritto è conservato: dopo l'accesso potrai inviarlo di nuovo.</p>
      ) : null}
      <Form method="post">
        <input type="hidden" name="ritorno" value={params.get("ritorno") ?? "/"} />
        {result?.kept ? <HiddenFields fields={keptAsHidden(result.kept)} /> : null}
        <Field
          name="email"
          label="Email"
          type="email"
          autoComplete="username"
          required
          defaultValue={formValue(result, "email")}
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

function HiddenFields({ fields }: { fields: [string, string][] }) {
  return (
    <>
      {fields.map(([name, value], i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: repeated names (checkbox lists) are kept in order
        <input key={i} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

/**
 * After signing in, the kept form waits for one deliberate click: a plain post to the
 * original action, from this page of ours (never sent on its own, no script).
 */
function Resend({ kept }: { kept: KeptForm }) {
  return (
    <section className="narrow">
      <h1>Accesso eseguito</h1>
      <p>
        Quello che avevi scritto è pronto: premi «Invia di nuovo» per salvarlo.
        {kept.files.length ? " I file vanno scelti di nuovo." : null}
      </p>
      <form
        method="post"
        action={kept.action}
        encType={kept.multipart ? "multipart/form-data" : undefined}
      >
        <HiddenFields fields={kept.fields} />
        {kept.files.map((name) => (
          <Field key={name} name={name} label="Scegli di nuovo il file" type="file" />
        ))}
        {/* biome-ignore lint/a11y/noAutofocus: the one thing left to do on this page */}
        <button type="submit" autoFocus>
          Invia di nuovo
        </button>
      </form>
      <p>
        <a href={kept.action}>Torna alla pagina senza inviare</a>
      </p>
    </section>
  );
}
