import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { adminOnly } from "~/auth/authorize.server";
import { Field } from "~/components/Field";
import { discard, NotMultipart, receiveUpload, UploadTooLarge } from "~/infra/uploads.server";
import { ImportRejected, importOfficialFile, type RowReport } from "~/opendata/import.server";
import { rebuildOverviewSummary } from "~/opendata/overview-summary.server";
import { UnreadableFile } from "~/opendata/read.server";

/** Its multipart body streams to the upload parser, which enforces the upload limits. */
export const handle = { upload: true };

export const meta: MetaFunction = () => [{ title: "Importa i dati ufficiali · Cruscotto PNRR" }];

/** The national file is a few MB; this leaves room for every measure at once. */
const IMPORT_MAX_BYTES = 200 * 1024 * 1024;

type Result =
  | {
      ok: true;
      dryRun: boolean;
      summary: {
        rows: number;
        created: number;
        updated: number;
        unchanged: number;
        skipped: number;
      };
      problems: RowReport[];
    }
  | { ok: false; message: string; problems: RowReport[] };

export function loader(args: LoaderFunctionArgs) {
  adminOnly(args);
  return null;
}

export async function action(
  args: ActionFunctionArgs,
): Promise<Result | ReturnType<typeof data<Result>>> {
  const { context } = args;
  adminOnly(args);
  const { request } = args;
  let upload: Awaited<ReturnType<typeof receiveUpload>>;
  try {
    upload = await receiveUpload(request, context.config.filesDir, IMPORT_MAX_BYTES);
  } catch (error) {
    if (error instanceof UploadTooLarge)
      return data<Result>(
        { ok: false, message: "Il file supera i 200 MB.", problems: [] },
        { status: 413 },
      );
    if (error instanceof NotMultipart)
      return { ok: false, message: "Scegliere un file da importare.", problems: [] };
    throw error;
  }
  const { file, fields } = upload;
  if (!file) return { ok: false, message: "Scegliere un file da importare.", problems: [] };
  const dryRun = fields.dryRun === "on";
  try {
    const summary = importOfficialFile(context.db, file.tempPath, {
      skipInvalid: fields.skipInvalid === "on",
      dryRun,
    });
    if (!dryRun && summary.created + summary.updated > 0)
      rebuildOverviewSummary(context.db.$client);
    return { ok: true, dryRun, summary, problems: summary.problems.slice(0, 100) };
  } catch (error) {
    if (error instanceof ImportRejected) {
      return {
        ok: false,
        message: `${error.problems.length} problemi: nessuna modifica salvata. Correggere il file o scegliere di saltare le righe non valide.`,
        problems: error.problems.slice(0, 100),
      };
    }
    if (error instanceof UnreadableFile) return { ok: false, message: error.message, problems: [] };
    throw error;
  } finally {
    discard(file);
  }
}

export default function ImportaPage() {
  const result = useActionData<typeof action>();
  return (
    <section>
      <h1>Importa i dati ufficiali PA digitale 2026</h1>
      <p>
        Il file delle candidature finanziate (CSV o JSON, anche salvato da Excel) crea o aggiorna
        comuni, avvisi e progetti. I dati inseriti a mano non vengono sovrascritti.
      </p>
      {result?.ok ? (
        <p className="notice" role="status">
          {result.dryRun ? "Prova, nessuna modifica salvata: " : ""}
          {result.summary.rows} righe: {result.summary.created} progetti creati,{" "}
          {result.summary.updated} aggiornati, {result.summary.unchanged} invariati,{" "}
          {result.summary.skipped} righe scartate.
        </p>
      ) : result ? (
        <p className="alert" role="alert">
          {result.message}
        </p>
      ) : null}
      {result?.problems.length ? (
        <table>
          <caption>Righe non leggibili (prime 100)</caption>
          <thead>
            <tr>
              <th scope="col">Riga</th>
              <th scope="col">Colonna</th>
              <th scope="col">Motivo</th>
            </tr>
          </thead>
          <tbody>
            {result.problems.map((p) => (
              <tr key={`${p.line}-${p.column}`}>
                <td>{p.line}</td>
                <td>{p.column}</td>
                <td>{p.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
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
    </section>
  );
}
