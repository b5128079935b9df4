/**
 * The one request context: built once per request (Remix `getLoadContext`), it carries what
 * loaders and actions need — the database, the signed-in user, the policy every status is
 * judged by, and the configuration. Nothing below a route reads the clock, the environment
 * or the connection on its own.
 */

import type { Db } from "../../db/connection";
import type { SessionUser } from "../auth/access";
import { toIsoDate } from "../domain/dates";
import type { Policy } from "../domain/policy";
import type { Config } from "./config.server";

// A type, not an interface: Remix's AppLoadContext has an index signature.
export type RequestContext = {
  db: Db;
  user: SessionUser | null;
  policy: Policy;
  config: Config;
  clientAddress: string;
};

declare module "@remix-run/node" {
  interface AppLoadContext extends RequestContext {}
}

/** Today as the configuration pins it (demos, tests) or as the clock says. */
export function policyOf(config: Pick<Config, "today" | "atRiskDays">, now = new Date()): Policy {
  return { today: config.today ?? toIsoDate(now), atRiskDays: config.atRiskDays };
}

export function requestContext(
  parts: Pick<RequestContext, "db" | "config" | "user" | "clientAddress">,
): RequestContext {
  return { ...parts, policy: policyOf(parts.config) };
}
