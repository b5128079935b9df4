import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { canAccessUnione } from "~/auth/access";
import { signedIn } from "~/auth/authorize.server";
import { listUnioni } from "~/features/unione/unione-view.server";

/** The page depends only on its viewer, the data and the day: kept until one changes. */
export const handle = { pageCache: true };

export const meta: MetaFunction = () => [{ title: "Unioni · Cruscotto PNRR" }];

export function loader({ context, request }: LoaderFunctionArgs) {
  const user = signedIn({ context, request });
  return { unioni: listUnioni(context.db).filter((u) => canAccessUnione(user, u.id)) };
}

export default function Unioni() {
  const { unioni } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Unioni dei Comuni</h1>
      {unioni.length === 0 ? (
        <p>Nessuna Unione accessibile con questo account.</p>
      ) : (
        <ul>
          {unioni.map((u) => (
            <li key={u.id}>
              <Link to={`/unioni/${u.id}`}>{u.name}</Link> ({u.members} comuni)
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
