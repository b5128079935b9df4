import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { requireUser } from "~/auth/session.server";
import { readConfig } from "~/config.server";
import { getDb } from "~/db.server";
import { attachmentResponse } from "~/http.server";
import { actorOf } from "~/models/audited.server";
import { deleteDocumento, getDocumento } from "~/models/documenti.server";

/** Downloads always come as attachments, so a browser never renders uploaded content. */
export function loader({ params }: LoaderFunctionArgs) {
  const found = getDocumento(getDb(), Number(params.id), Number(params.documentoId));
  if (!found) throw new Response("Documento non trovato", { status: 404 });
  return attachmentResponse(found, "private, no-store");
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
