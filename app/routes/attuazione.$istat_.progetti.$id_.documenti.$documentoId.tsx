import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseRecordId } from "~/auth/canonical-path";
import { findPublishedDocumento } from "~/features/attuazione/attuazione.server";
import { attachmentResponse } from "~/infra/http.server";

/** A published document, always as an attachment; unpublished ones answer 404. */
export function loader({ params, context }: LoaderFunctionArgs) {
  const found = findPublishedDocumento(
    context.db,
    params.istat ?? "",
    parseRecordId(params.id) ?? 0,
    parseRecordId(params.documentoId) ?? 0,
  );
  if (!found) throw new Response("Documento non trovato", { status: 404 });
  return attachmentResponse(found, "public, max-age=300");
}
