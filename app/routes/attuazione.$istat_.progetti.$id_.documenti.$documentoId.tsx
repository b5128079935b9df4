import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db.server";
import { attachmentResponse } from "~/http.server";
import { findPublishedDocumento } from "~/models/attuazione.server";

/** A published document, always as an attachment; unpublished ones answer 404. */
export function loader({ params }: LoaderFunctionArgs) {
  const found = findPublishedDocumento(
    getDb(),
    params.istat ?? "",
    Number(params.id),
    Number(params.documentoId),
  );
  if (!found) throw new Response("Documento non trovato", { status: 404 });
  return attachmentResponse(found, "public, max-age=300");
}
