import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { authorizeProgetto } from "~/auth/authorize.server";
import { ErrorSummary } from "~/components/ErrorSummary";
import { Field } from "~/components/Field";
import { Select } from "~/components/Select";
import { formatFileSize } from "~/domain/format";
import { BackToProgetto } from "~/features/progetto/BackToProgetto";
import { fieldErrors } from "~/forms/field-errors";
import { withNotice } from "~/forms/form-result";
import { discard, NotMultipart, receiveUpload, UploadTooLarge } from "~/infra/uploads.server";
import { actorOf } from "~/models/audited.server";
import { saveDocumento } from "~/models/documenti.server";
import { StepRejected } from "~/models/steps.server";

/** Its multipart body streams to the upload parser, which enforces the upload limits. */
export const handle = { upload: true };

export const meta: MetaFunction = () => [{ title: "Carica un documento · Cruscotto PNRR" }];

export function loader(args: LoaderFunctionArgs) {
  const { context } = args;
  const { record } = authorizeProgetto(args, "read");
  const steps = record.timeline.flatMap((t) =>
    t.ref
      ? [
          {
            value: t.ref.step === "candidatura" ? "candidatura" : `${t.ref.step}:${t.ref.id}`,
            label: t.title,
          },
        ]
      : [],
  );
  return {
    record,
    steps: [...steps, { value: "altro", label: "Altro documento del progetto" }],
    limit: formatFileSize(context.config.uploadMaxBytes),
  };
}

const Meta = z.object({
  title: z
    .string()
    .trim()
    .min(1, { error: "Inserire il titolo del documento" })
    .max(200, { error: "Massimo 200 caratteri" }),
  step: z.string().min(1, { error: "Scegliere il passaggio" }),
  publishable: z
    .string()
    .optional()
    .transform((v) => v === "on"),
});

type Values = { title: string; step: string; publishable: boolean };

/** What the form shows again after a refusal: everything but the file. */
function valuesOf(raw: Record<string, string>): Values {
  return {
    title: String(raw.title ?? ""),
    step: String(raw.step ?? ""),
    publishable: raw.publishable === "on",
  };
}

export async function action(args: ActionFunctionArgs) {
  const { context } = args;
  const { request } = args;
  const {
    user,
    record: { progetto },
  } = authorizeProgetto(args, "write");
  const config = context.config;
  const fail = (errors: Record<string, string>, values: Values | null = null) => ({
    errors,
    values,
  });
  let upload: Awaited<ReturnType<typeof receiveUpload>>;
  try {
    upload = await receiveUpload(request, config.filesDir, config.uploadMaxBytes);
  } catch (error) {
    if (error instanceof UploadTooLarge) {
      const message = `Il file supera il limite di ${formatFileSize(config.uploadMaxBytes)}.`;
      // 413, with the form, what was typed in it and the message: the browser shows all.
      return data(fail({ file: message }, valuesOf(error.fields)), { status: 413 });
    }
    if (error instanceof NotMultipart)
      return fail({ file: "Il modulo non contiene un file: riprovare." });
    throw error;
  }
  const raw = upload.fields;
  const values = valuesOf(raw);
  const parsed = Meta.safeParse(raw);
  if (!parsed.success) {
    discard(upload.file);
    return fail(fieldErrors(parsed.error), values);
  }
  try {
    saveDocumento(
      context.db,
      actorOf(user),
      progetto.id,
      { ...parsed.data, uploadedBy: user.email },
      upload.file,
      config.filesDir,
    );
  } catch (error) {
    if (error instanceof StepRejected) return fail(error.errors, values);
    throw error;
  }
  throw redirect(withNotice(`/progetti/${progetto.id}`, "salvato"));
}

export default function UploadPage() {
  const { record, steps, limit } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result?.errors ?? {};
  return (
    <section className="narrow">
      <BackToProgetto progetto={record.progetto} />
      <h1>Carica un documento</h1>
      <ErrorSummary errors={result?.errors} />
      {/* The file comes last: the other fields arrive first, so a refused file never loses them. */}
      <Form method="post" encType="multipart/form-data">
        <Select
          name="step"
          label="Passaggio a cui si riferisce"
          options={steps}
          defaultValue={result?.values?.step}
          error={errors.step}
        />
        <Field
          name="title"
          label="Titolo"
          hint="Come apparirà nell'elenco, per esempio «Determina n. 922»"
          defaultValue={result?.values?.title}
          error={errors.title}
        />
        <label className="field">
          <span>
            <input
              type="checkbox"
              name="publishable"
              defaultChecked={result?.values?.publishable ?? false}
            />{" "}
            Pubblicabile nella pagina pubblica del comune
          </span>
        </label>
        <Field
          name="file"
          label="File PDF o PDF firmato (.pdf.p7m)"
          type="file"
          accept=".pdf,.p7m,application/pdf,application/pkcs7-mime"
          hint={`Massimo ${limit}.`}
          error={errors.file}
        />
        <button type="submit">Carica</button>
      </Form>
    </section>
  );
}
