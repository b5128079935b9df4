import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { authorizeUnione, recordIdParam } from "~/auth/authorize.server";
import { getComune, getUnione } from "~/models/comuni.server";

export const meta: MetaFunction = () => [{ title: "Conferma · Cruscotto PNRR" }];

/**
 * The page the "Togli dall'Unione" link leads to (`?comune=12`): removing a member takes
 * the coordinatori's access to that comune, so it is confirmed here, then posted to the
 * Unione page's own action.
 */
export function loader(args: LoaderFunctionArgs) {
  const { unioneId } = authorizeUnione(args);
  const comuneId = recordIdParam(
    new URL(args.request.url).searchParams.get("comune") ?? undefined,
    "Comune",
  );
  const member = getComune(args.context.db, comuneId);
  const unione = getUnione(args.context.db, unioneId);
  if (!member || !unione || member.unioneId !== unioneId)
    throw new Response("Il comune non fa parte di questa Unione", { status: 404 });
  return {
    unione: { id: unioneId, name: unione.name },
    member: { id: member.id, name: member.name },
  };
}

export default function ConfirmRemoveMember() {
  const { unione, member } = useLoaderData<typeof loader>();
  const base = `/unioni/${unione.id}`;
  return (
    <section className="narrow">
      <p>
        <Link to={base}>← {unione.name}</Link>
      </p>
      <h1>
        Togliere il Comune di {member.name} da {unione.name}?
      </h1>
      <p>
        I coordinatori dell'Unione non potranno più modificare i dati del comune. Per aggiungerlo di
        nuovo servirà un amministratore.
      </p>
      <form method="post" action={base} className="inline-form">
        <input type="hidden" name="intent" value="remove" />
        <input type="hidden" name="comuneId" value={member.id} />
        <button type="submit" className="danger">
          Togli dall'Unione
        </button>
      </form>{" "}
      <Link to={base}>Annulla</Link>
    </section>
  );
}
