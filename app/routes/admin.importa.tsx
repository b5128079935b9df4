import {
  type ActionFunctionArgs,
  data,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
  redirect,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { adminOnly } from "~/auth/authorize.server";
import { parseRecordId } from "~/auth/canonical-path";
import { Field } from "~/components/Field";
import { JobReport } from "~/features/opendata-import/JobReport";
import { getJob, JobBusy, startImportJob, startSyncJob } from "~/infra/jobs.server";
import { discard, NotMultipart, receiveUpload, UploadTooLarge } from "~/infra/uploads.server";
import { actorOf } from "~/models/audited.server";

/** Its multipart body streams to the upload parser, which enforces the upload limits. */
export const handle = { upload: true };

export const meta: MetaFunction = () => [{ title: "Importa i dati ufficiali · Cruscotto PNRR" }];

/** The national file is a few MB; this leaves room for every measure at once. */
const IMPORT_MAX_BYTES = 200 * 1024 * 1024;

/** A running job's progress changes without a data version: never from a cache. */
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export function loader(args: LoaderFunctionArgs) {
  adminOnly(args);
  const param = new URL(args.request.url).searchParams.get("job");
  if (param === null) return { job: null, missing: false };
  const id = parseRecordId(param);
  const job = id === null ? null : getJob(args.context.db, id);
  const importing = job?.kind === "import" || job?.kind === "sync";
  return { job: importing ? job : null, missing: !importing };
}

/** The upload is saved and handed to a child process; the page then follows the job. */
export async function action(args: ActionFunctionArgs) {
  const { context } = args;
  const user = adminOnly(args);
  const { request } = args;
  let upload: Awaited<ReturnType<typeof receiveUpload>>;
  try {
    upload = await receiveUpload(request, context.config.filesDir, IMPORT_MAX_BYTES);
  } catch (error) {
    if (error instanceof UploadTooLarge)
      return data({ message: "Il file supera i 200 MB." }, { status: 413 });
    if (error instanceof NotMultipart) return { message: "Scegliere un file da importare." };
    throw error;
  }
  const { file, fields } = upload;
  const sync = fields.intent === "sync";
  if (!file && !sync) return { message: "Scegliere un file da importare." };
  try {
    const job = file
      ? startImportJob({
          db: context.db,
          file: file.tempPath,
          dataDir: context.config.dataDir,
          startedBy: actorOf(user),
          dryRun: fields.dryRun === "on",
          skipInvalid: fields.skipInvalid === "on",
        })
      : startSyncJob({
          db: context.db,
          dataDir: context.config.dataDir,
          startedBy: actorOf(user),
        });
    return redirect(`/admin/importa?job=${job.id}`, 303);
  } catch (error) {
    discard(file);
    if (error instanceof JobBusy) return data({ message: error.message }, { status: 409 });
    throw error;
  }
}

export default function ImportaPage() {
  const { job, missing } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const running = job?.state === "in coda" || job?.state === "in corso";
  return (
    <section>
      <h1>Importa i dati ufficiali PA digitale 2026</h1>
      <p>
        Il file delle candidature finanziate (CSV o JSON, anche salvato da Excel) crea o aggiorna
        comuni, avvisi e progetti. I dati inseriti a mano non vengono sovrascritti.
      </p>
      {refused ? (
        <p className="alert" role="alert">
          {refused.message}
        </p>
      ) : null}
      {missing ? (
        <p className="alert" role="alert">
          Importazione non trovata.
        </p>
      ) : null}
      {job ? <JobReport job={job} /> : null}
      {running ? null : (
        <Form method="post" encType="multipart/form-data" className="narrow">
          <Field
            name="file"
            label="File delle candidature (CSV o JSON)"
            type="file"
            accept=".csv,.json,text/csv,application/json"
          />
          <label className="field">
            <span>
              <input type="checkbox" name="skipInvalid" /> Importa le righe valide e salta le altre
            </span>
          </label>
          <label className="field">
            <span>
              <input type="checkbox" name="dryRun" /> Solo prova: mostra cosa cambierebbe
            </span>
          </label>
          <button type="submit">Importa</button>
        </Form>
      )}
      {running ? null : (
        <Form method="post" encType="multipart/form-data" className="narrow">
          <h2>Aggiornamento automatico</h2>
          <p>
            Scarica i file ufficiali di ogni misura dal repository di PA digitale 2026 e importa
            quelli cambiati dall'ultima volta.
          </p>
          <input type="hidden" name="intent" value="sync" />
          <button type="submit">Aggiorna dai dati ufficiali</button>
        </Form>
      )}
    </section>
  );
}
