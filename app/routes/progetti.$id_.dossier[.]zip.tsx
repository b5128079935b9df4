import type { LoaderFunctionArgs } from "@remix-run/node";
import { authorizeProgetto } from "~/auth/authorize.server";
import { DOSSIER_INDEX_NAME, dossierFiles, dossierIndexRows, safeName } from "~/domain/dossier";
import { toCsv } from "~/infra/csv";
import { storedFilePath } from "~/infra/files.server";
import { contentDisposition } from "~/infra/http.server";
import { fileEntry, textEntry, zipResponse } from "~/infra/zip.server";

/** The progetto's documents in one archive, a folder per step, with an index: as its documents. */
export function loader(args: LoaderFunctionArgs) {
  const { record } = authorizeProgetto(args, "read");
  const { progetto, timeline, documenti } = record;
  const filesDir = args.context.config.filesDir;
  const files = dossierFiles(timeline, documenti);
  const now = new Date();
  const entries = [
    textEntry(DOSSIER_INDEX_NAME, toCsv(dossierIndexRows(files), { excelItalian: true }), now),
    ...files.map((f) =>
      fileEntry(
        f.path,
        storedFilePath(filesDir, f.document.sha256),
        new Date(f.document.uploadedAt),
      ),
    ),
  ];
  const name = safeName(`dossier-${progetto.cup ?? `progetto-${progetto.id}`}.zip`);
  return zipResponse(entries, contentDisposition(name));
}
