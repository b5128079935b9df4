import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { endSession } from "~/auth/session.server";

export async function action({ request }: ActionFunctionArgs) {
  throw redirect("/accedi", {
    headers: { "Set-Cookie": await endSession(request.headers.get("Cookie")) },
  });
}

export function loader() {
  throw redirect("/");
}
