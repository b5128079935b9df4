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
import { JobProgress } from "~/components/JobProgress";
import { TableScroll } from "~/components/TableScroll";
import { backupsOf, JobBusy, KEPT_BACKUPS, RUNNING, startBackupJob } from "~/infra/jobs.server";
import { actorOf } from "~/models/audited.server";

export const meta: MetaFunction = () => [{ title: "Backup · Cruscotto PNRR" }];

/** A running job's progress changes without a data version: never from a cache. */
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export function loader(args: LoaderFunctionArgs) {
  adminOnly(args);
  return { backups: backupsOf(args.context.db, args.context.config.dataDir) };
}

/** Starts a backup as a job; the page then follows it. */
export function action(args: ActionFunctionArgs) {
  const { context } = args;
  const user = adminOnly(args);
  try {
    startBackupJob({ db: context.db, dataDir: context.config.dataDir, startedBy: actorOf(user) });
  } catch (error) {
    if (!(error instanceof JobBusy)) throw error;
    // Another backup: this page follows it already. Anything else: say what runs.
    if (error.running.kind !== "backup") return data({ message: error.message }, { status: 409 });
  }
  return redirect("/admin/backup", 303);
}

const size = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toLocaleString("it-IT", { maximumFractionDigits: 1 })} MB`
    : `${Math.ceil(bytes / 1024)} KB`;

const when = (iso: string) =>
  new Date(iso).toLocaleString("it-IT", {
    timeZone: "Europe/Rome",
    dateStyle: "short",
    timeStyle: "short",
  });

export default function BackupPage() {
  const { backups } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const running = backups.find((b) => RUNNING.includes(b.state));
  return (
    <section>
      <h1>Backup</h1>
      <p>
        Una copia coerente del database, dei documenti caricati e del segreto delle sessioni, in un
        unico file .tar.gz con l'impronta SHA-256 di ogni file. Il sito resta utilizzabile mentre
        viene creata. Si conservano qui gli ultimi {KEPT_BACKUPS}: scaricarli e custodirli altrove.
        Per ripristinarne uno: estrarre il file e usare <code>npm run restore -- CARTELLA</code>.
      </p>
      {refused ? (
        <p className="alert" role="alert">
          {refused.message}
        </p>
      ) : null}
      {running ? (
        <JobProgress
          id="backup-progress"
          label={`Backup ${running.state}, avviato da ${running.startedBy}`}
          progress={running.progress}
        />
      ) : (
        <Form method="post">
          <button type="submit">Crea un backup</button>
        </Form>
      )}
      {backups.length ? (
        <TableScroll label="Backup recenti">
          <table>
            <caption>Backup recenti</caption>
            <thead>
              <tr>
                <th scope="col">Avviato</th>
                <th scope="col">Da</th>
                <th scope="col">Stato</th>
                <th scope="col">File</th>
              </tr>
            </thead>
            <tbody>
              {backups.map((b) => (
                <tr key={b.id}>
                  <td>{when(b.createdAt)}</td>
                  <td>{b.startedBy}</td>
                  <td>{b.state}</td>
                  <td>
                    {b.download ? (
                      <>
                        <a href={`/admin/backup/${b.id}`} download>
                          Scarica {b.download.file}
                        </a>{" "}
                        ({size(b.download.size)}, {b.download.files} documenti)
                        {b.download.notice ? <> {b.download.notice}</> : null}
                      </>
                    ) : (
                      (b.error ?? (b.state === "riuscito" ? "Non più conservato" : ""))
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </section>
  );
}
