import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { authorizeProgetto } from "~/auth/authorize.server";
import { TableScroll } from "~/components/TableScroll";
import { dossierFiles } from "~/domain/dossier";
import { formatDate, formatFileSize } from "~/domain/format";
import { ClosureSection } from "~/features/progetto/ClosureSection";
import { ProgettoFactList } from "~/features/progetto/ProgettoFactList";
import { DeadlineChangeList, DeadlineList } from "~/features/progetto/ProgettoTimeline";

/** The root layout leaves out header and navigation; the page depends on viewer, data and day. */
export const handle = { layout: "print", pageCache: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `Dossier del progetto ${data?.record.progetto.cup ?? ""} · ${data?.record.comune.name ?? ""} · Cruscotto PNRR`,
  },
];

export function loader(args: LoaderFunctionArgs) {
  const { record } = authorizeProgetto(args, "read");
  const files = dossierFiles(record.timeline, record.documenti).map((f) => ({
    step: f.step,
    path: f.path,
    title: f.document.title,
    sizeBytes: f.document.sizeBytes,
    sha256: f.document.sha256,
  }));
  return { record, files, today: args.context.policy.today };
}

// The app's print pages are A4 landscape; a dossier is read like a letter: A4 portrait.
const PORTRAIT = `@page { size: A4 portrait; margin: 15mm; }
.dossier .hash { font-family: monospace; font-size: 0.75em; overflow-wrap: anywhere; }
.dossier table { width: 100%; }`;

export default function ProgettoDossier() {
  const { record, files, today } = useLoaderData<typeof loader>();
  const { progetto, comune, assessment, timeline } = record;
  return (
    <div className="print-page dossier">
      <style>{PORTRAIT}</style>
      <p className="no-print">
        <a href={`/progetti/${progetto.id}`}>← Torna al progetto</a> ·{" "}
        <a href={`/progetti/${progetto.id}/dossier.zip`}>Scarica i documenti (ZIP con indice)</a> ·
        Stampare con Ctrl+P (il foglio è già impostato A4 verticale).
      </p>
      <h1>
        Dossier del progetto: {progetto.title}
        <span className="d-block fs-6 fw-normal">
          Comune di {comune.name}, situazione al {formatDate(today)}
        </span>
      </h1>

      <h2>Dati del progetto</h2>
      <ProgettoFactList
        progetto={progetto}
        amountCents={record.amountCents}
        assessment={assessment}
      />

      <h2>Scadenze</h2>
      <DeadlineList
        assessment={assessment}
        countedRules={Boolean(
          record.avvisoRules?.contractFrom || record.avvisoRules?.completionFrom,
        )}
      />
      <DeadlineChangeList proroghe={record.proroghe} editable={false} />

      <h2>Passaggi</h2>
      <ol>
        {timeline.map((entry) => (
          <li key={entry.key}>
            <strong>{entry.date ? formatDate(entry.date) : "Data non indicata"}</strong>:{" "}
            {entry.title}
            {entry.details.length ? ` — ${entry.details.join("; ")}` : ""}
          </li>
        ))}
      </ol>

      <h2 id="documenti-dossier">Documenti</h2>
      {files.length === 0 ? (
        <p>Nessun documento caricato.</p>
      ) : (
        <TableScroll labelledBy="documenti-dossier">
          <table className="table table-sm">
            <thead>
              <tr>
                <th scope="col">Passaggio</th>
                <th scope="col">Documento e file nell'archivio</th>
                <th scope="col">Dimensione</th>
                <th scope="col">SHA-256</th>
              </tr>
            </thead>
            <tbody>
              {files.map((f) => (
                <tr key={f.path}>
                  <td>{f.step}</td>
                  <td>
                    {f.title}
                    <br />
                    <span className="muted">{f.path}</span>
                  </td>
                  <td>{formatFileSize(f.sizeBytes)}</td>
                  <td className="hash">{f.sha256}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}

      <ClosureSection closure={assessment.closure} editable={false} />
    </div>
  );
}
