import { type ActionFunctionArgs, type LoaderFunctionArgs, redirect } from "@remix-run/node";
import { authorizeDocumento } from "~/auth/authorize.server";
import { withNotice } from "~/forms/form-result";
import { attachmentResponse } from "~/infra/http.server";
import { actorOf } from "~/models/audited.server";
import { deleteDocumento } from "~/models/documenti.server";

/** Downloads always come as attachments, so a browser never renders uploaded content. */
export function loader(args: LoaderFunctionArgs) {
  return attachmentResponse(authorizeDocumento(args, "read").documento, "private, no-store");
}

export async function action(args: ActionFunctionArgs) {
  const { context } = args;
  const { user, record, documento } = authorizeDocumento(args, "write");
  const form = await args.request.formData();
  if (form.get("intent") !== "delete") throw new Response("Operazione non valida", { status: 400 });
  const progettoId = record.progetto.id;
  deleteDocumento(context.db, actorOf(user), progettoId, documento.id, context.config.filesDir);
  throw redirect(withNotice(`/progetti/${progettoId}`, "eliminato"));
}
