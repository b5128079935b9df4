import { createReadStream } from "node:fs";
import {
  type ActionFunctionArgs,
  createReadableStreamFromReadable,
  type LoaderFunctionArgs,
  redirect,
} from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { readConfig } from "~/config.server";
import { getDb } from "~/db.server";
import { storedFilePath } from "~/files.server";
import { actorOf } from "~/models/audited.server";
import { deleteDocumento, getDocumento } from "~/models/documenti.server";

/** Downloads always come as attachments, so a browser never renders uploaded content. */
export function loader({ params }: LoaderFunctionArgs) {
  const found = getDocumento(getDb(), Number(params.id), Number(params.documentoId));
  if (!found) throw new Response("Documento non trovato", { status: 404 });
  const stream = createReadStream(storedFilePath(readConfig().filesDir, found.sha256));
  return new Response(createReadableStreamFromReadable(stream), {
    headers: {
      "Content-Type": found.mediaType,
      "Content-Length": String(found.sizeBytes),
      "Content-Disposition": contentDisposition(found.originalName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}

/** RFC 6266: an ASCII fallback plus the exact UTF-8 name. */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const user = requireUser(context.user, request);
  const form = await request.formData();
  const progettoId = Number(params.id);
  if (form.get("intent") !== "delete") throw new Response("Operazione non valida", { status: 400 });
  if (
    !deleteDocumento(
      getDb(),
      actorOf(user),
      progettoId,
      Number(params.documentoId),
      readConfig().filesDir,
    )
  ) {
    throw new Response("Documento non trovato", { status: 404 });
  }
  throw redirect(`/progetti/${progettoId}`);
}
