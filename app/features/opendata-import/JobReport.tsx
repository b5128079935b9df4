import type { SerializeFrom } from "@remix-run/node";
import { JobProgress } from "~/components/JobProgress";
import { TableScroll } from "~/components/TableScroll";
import type { ImportReport, Job } from "~/infra/jobs.server";

/** An import's or a sync's progress while it runs, then its summary, per-file results or error. */
export function JobReport({ job }: { job: SerializeFrom<Job> }) {
  const running = job.state === "in coda" || job.state === "in corso";
  const report = job.report as SerializeFrom<ImportReport> | null;
  const summary = report?.summary;
  const dryRun = job.params.dryRun === true;
  const sync = job.kind === "sync";
  return (
    <>
      {running ? (
        <JobProgress
          id="import-progress"
          label={`${sync ? "Aggiornamento dai dati ufficiali" : "Importazione"} ${job.state}, ${sync ? "avviato" : "avviata"} da ${job.startedBy}${dryRun ? ", solo prova" : ""}`}
          progress={job.progress}
        />
      ) : summary ? (
        <p className="notice" role="status">
          {dryRun ? "Prova, nessuna modifica salvata: " : ""}
          {summary.rows} righe: {summary.created} progetti creati, {summary.updated} aggiornati,{" "}
          {summary.unchanged} invariati, {summary.skipped} righe scartate.
        </p>
      ) : report?.files ? (
        <TableScroll label="Aggiornamento dai dati ufficiali">
          <table>
            <caption>Aggiornamento dai dati ufficiali</caption>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Esito</th>
              </tr>
            </thead>
            <tbody>
              {report.files.map((f) => (
                <tr key={f.url}>
                  <td>{f.url}</td>
                  <td>{f.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {!running && job.error ? (
        <p className="alert" role="alert">
          {job.error}
        </p>
      ) : null}
      {report?.problems.length ? (
        <TableScroll label="Righe non leggibili">
          <table>
            <caption>
              Righe non leggibili
              {report.problemCount > report.problems.length
                ? ` (prime ${report.problems.length})`
                : ""}
            </caption>
            <thead>
              <tr>
                <th scope="col">Riga</th>
                <th scope="col">Colonna</th>
                <th scope="col">Motivo</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.map((p) => (
                <tr key={`${p.line}-${p.column}`}>
                  <td>{p.line}</td>
                  <td>{p.column}</td>
                  <td>{p.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </>
  );
}
