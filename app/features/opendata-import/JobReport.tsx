import type { SerializeFrom } from "@remix-run/node";
import type { Job } from "~/infra/jobs.server";

/** A job's progress while it runs, then its summary, per-file results or error, and problems. */
export function JobReport({ job }: { job: SerializeFrom<Job> }) {
  const running = job.status === "running";
  const summary = job.summary;
  return (
    <>
      {running ? (
        <div role="status">
          {/* Without JavaScript the browser reloads the page; with it, the effect above polls. */}
          <noscript>
            <meta httpEquiv="refresh" content="1" />
          </noscript>
          <p>
            <label htmlFor="import-progress">
              {job.kind === "sync"
                ? "Aggiornamento dai dati ufficiali in corso"
                : "Importazione in corso"}{" "}
              ({Math.round(job.progress * 100)}%), {job.kind === "sync" ? "avviato" : "avviata"} da{" "}
              {job.startedBy}
              {job.dryRun ? ", solo prova" : ""}. Il sito resta utilizzabile nel frattempo.
            </label>
          </p>
          <progress id="import-progress" max={1} value={job.progress}>
            {Math.round(job.progress * 100)}%
          </progress>
        </div>
      ) : summary ? (
        <p className="notice" role="status">
          {job.dryRun ? "Prova, nessuna modifica salvata: " : ""}
          {summary.rows} righe: {summary.created} progetti creati, {summary.updated} aggiornati,{" "}
          {summary.unchanged} invariati, {summary.skipped} righe scartate.
        </p>
      ) : job.files ? (
        <table>
          <caption>Aggiornamento dai dati ufficiali</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Esito</th>
            </tr>
          </thead>
          <tbody>
            {job.files.map((f) => (
              <tr key={f.url}>
                <td>{f.url}</td>
                <td>{f.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : job.error ? (
        <p className="alert" role="alert">
          {job.error}
        </p>
      ) : null}
      {job.problems.length ? (
        <table>
          <caption>
            Righe non leggibili
            {job.problemCount > job.problems.length ? ` (prime ${job.problems.length})` : ""}
          </caption>
          <thead>
            <tr>
              <th scope="col">Riga</th>
              <th scope="col">Colonna</th>
              <th scope="col">Motivo</th>
            </tr>
          </thead>
          <tbody>
            {job.problems.map((p) => (
              <tr key={`${p.line}-${p.column}`}>
                <td>{p.line}</td>
                <td>{p.column}</td>
                <td>{p.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
