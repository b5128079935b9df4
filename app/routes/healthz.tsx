import type { LoaderFunctionArgs } from "@remix-run/node";
import { checkHealth } from "~/models/health.server";

/** For load balancers and monitoring: 200 when everything holds, 503 with what does not. */
export async function loader({ context }: LoaderFunctionArgs) {
  const health = await checkHealth(context.db, context.config.dataDir);
  return Response.json(health, {
    status: health.ok ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
