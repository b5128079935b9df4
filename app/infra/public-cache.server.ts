/**
 * HTTP caching of the public pages. Their ETag changes with every audited write, with the
 * day (deadline statuses are judged against today) and with every start of the server
 * (which may bring new code), so a conditional request can be answered 304 before any route
 * runs, with one indexed query.
 */

import { readDataVersion } from "../../db/audit";
import { getDb } from "./db.server";

const STARTED = Date.now().toString(36);

/** A CDN may keep the page for a minute and serve it stale while it revalidates. */
export const PUBLIC_CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=300";

/** The validators of a public page rendered today (`day`, the request policy's today). */
export function publicValidators(day: string): { etag: string; lastModified: string | null } {
  const version = readDataVersion(getDb());
  return {
    etag: `W/"${STARTED}-${version.id}-${day}"`,
    lastModified: version.at ? new Date(version.at).toUTCString() : null,
  };
}

export function publicHeaders(day: string): Headers {
  const { etag, lastModified } = publicValidators(day);
  const headers = new Headers({ ETag: etag, "Cache-Control": PUBLIC_CACHE_CONTROL });
  if (lastModified) headers.set("Last-Modified", lastModified);
  return headers;
}

/** True when the client's copy is current (If-None-Match wins over If-Modified-Since). */
export function isNotModified(
  { etag, lastModified }: { etag: string; lastModified: string | null },
  ifNoneMatch: string | undefined,
  ifModifiedSince: string | undefined,
): boolean {
  if (ifNoneMatch !== undefined)
    return ifNoneMatch.split(",").some((tag) => tag.trim() === etag || tag.trim() === "*");
  if (ifModifiedSince && lastModified)
    return Date.parse(lastModified) <= Date.parse(ifModifiedSince);
  return false;
}

/** Open data: cacheable like the pages, readable from any origin. */
export function openDataResponse(
  body: string,
  type: "application/json" | "text/csv",
  day: string,
): Response {
  const headers = publicHeaders(day);
  headers.set("Content-Type", `${type}; charset=utf-8`);
  headers.set("Access-Control-Allow-Origin", "*");
  return new Response(body, { headers });
}
