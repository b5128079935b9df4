import { readConfig } from "~/config.server";
import { getDb } from "~/db.server";
import { checkHealth } from "~/models/health.server";

/** For load balancers and monitoring: 200 when everything holds, 503 with what does not. */
export function loader() {
  const health = checkHealth(getDb(), readConfig().dataDir);
  return Response.json(health, {
    status: health.ok ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
