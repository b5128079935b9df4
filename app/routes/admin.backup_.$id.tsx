import { createReadStream } from "node:fs";
import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";
import { adminOnly, recordIdParam } from "~/auth/authorize.server";
import { contentDisposition } from "~/infra/http.server";
import { downloadableBackup } from "~/infra/jobs.server";

/** A finished backup's archive, as an attachment; it holds every secret of the site. */
export function loader(args: LoaderFunctionArgs) {
  adminOnly(args);
  const id = recordIdParam(args.params.id, "Backup");
  const backup = downloadableBackup(args.context.db, args.context.config.dataDir, id);
  if (!backup) throw new Response("Backup non trovato o non più conservato", { status: 404 });
  return new Response(createReadableStreamFromReadable(createReadStream(backup.path)), {
    headers: {
      "Content-Type": "application/gzip",
      "Content-Length": String(backup.size),
      "Content-Disposition": contentDisposition(backup.file),
      "Cache-Control": "private, no-store",
    },
  });
}
