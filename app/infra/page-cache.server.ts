/**
 * Rendered pages kept in memory and answered before Express (decision 008). A page is the
 * same for one viewer — everyone for the public pages, one account for a signed-in page —
 * for as long as the data version and the day it was rendered on hold: an audited write or
 * an import bumps the version, midnight changes the day, and a restart empties the cache.
 *
 * Only a request that went the whole way (canonical path, guard, the route's own record
 * checks) stores a page, under the exact URL it asked for; a later request is answered
 * from memory only for the same URL, the same viewer (its session checked in the database
 * every time) and the same version and day. Anything else goes through Express.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { onDataVersionBump, readDataVersion } from "../../db/audit";
import { knownSessionViewer, verifyCookie } from "../auth/session.server";
import type { Config } from "./config.server";
import { getDb } from "./db.server";
import {
  chooseEncoding,
  type EncodedCopies,
  type Encoding,
  variesByEncoding,
} from "./encodings.server";
import { isNotModified } from "./public-cache.server";
import { policyOf } from "./request-context.server";
import { logRequest } from "./request-log.server";
import { isEmbeddable, securityHeaderList } from "./security-headers.server";

/** Who a kept page was rendered for: "public" or an account id. */
export type Viewer = "public" | number;

export interface KeptPage {
  version: number;
  day: string;
  /** Headers of the route's response (not the security headers, not the length). */
  headers: [string, string][];
  body: Buffer;
  contentType: string | null;
  copies: EncodedCopies;
  /** Public pages are revalidated by ETag (a 304); signed-in pages are not. */
  etag: string | null;
  /** Header lists ready to write, per variant (see wireHeaders). */
  wire?: Record<string, string[]>;
}

/** Where the data and the day stand now: what a kept page must have been rendered from. */
export interface PageState {
  version: number;
  day: string;
}

export function currentPageState(config: Pick<Config, "today" | "atRiskDays">): PageState {
  return { version: readDataVersion(getDb()).id, day: today(config) };
}

/**
 * The version as the cache in front reads it: this process's own writes are seen at once
 * (they drop the memo), another process's (an import command, a job) within VERSION_MAX_AGE.
 */
export function recentPageState(config: Pick<Config, "today" | "atRiskDays">): PageState {
  const now = Date.now();
  if (versionReadAt === 0 || now - versionReadAt >= VERSION_MAX_AGE_MS) {
    versionRead = readDataVersion(getDb()).id;
    versionReadAt = now;
  }
  const day = today(config);
  if (recent.version !== versionRead || recent.day !== day) recent = { version: versionRead, day };
  return recent;
}

const VERSION_MAX_AGE_MS = 100;
let recent: PageState = { version: -1, day: "" };
let versionRead = 0;
let versionReadAt = 0;
onDataVersionBump(() => {
  versionReadAt = 0;
});

let dayReadAt = 0;
let dayRead = "";
/** The policy's today, read at most once a second (a date format is not free). */
function today(config: Pick<Config, "today" | "atRiskDays">): string {
  const now = Date.now();
  if (now - dayReadAt >= 1000) {
    dayRead = policyOf(config).today;
    dayReadAt = now;
  }
  return dayRead;
}

/** Pages of a few hundred comuni and their users; past the budget the oldest goes first. */
const MAX_BYTES = 64 * 1024 * 1024;

export class PageCache {
  private readonly pages = new Map<string, Map<Viewer, KeptPage>>();
  private readonly order = new Map<string, { url: string; viewer: Viewer; size: number }>();
  private bytes = 0;

  constructor(private readonly maxBytes = MAX_BYTES) {}

  get(url: string, viewer: Viewer): KeptPage | undefined {
    return this.pages.get(url)?.get(viewer);
  }

  has(url: string): boolean {
    return this.pages.has(url);
  }

  keep(url: string, viewer: Viewer, page: KeptPage): void {
    this.drop(url, viewer);
    const byViewer = this.pages.get(url) ?? new Map<Viewer, KeptPage>();
    this.pages.set(url, byViewer);
    byViewer.set(viewer, page);
    const size = page.body.length + url.length;
    this.order.set(`${viewer} ${url}`, { url, viewer, size });
    this.bytes += size;
    for (const [key, oldest] of this.order) {
      if (this.bytes <= this.maxBytes) break;
      this.order.delete(key);
      this.remove(oldest.url, oldest.viewer, oldest.size);
    }
  }

  private drop(url: string, viewer: Viewer): void {
    const key = `${viewer} ${url}`;
    const entry = this.order.get(key);
    if (!entry) return;
    this.order.delete(key);
    this.remove(url, viewer, entry.size);
  }

  private remove(url: string, viewer: Viewer, size: number): void {
    const byViewer = this.pages.get(url);
    byViewer?.delete(viewer);
    if (byViewer?.size === 0) this.pages.delete(url);
    this.bytes -= size;
  }
}

/** The one cache of the server: the public pages and the signed-in pages share its budget. */
export const pageCache = new PageCache();

/**
 * Answers a GET or HEAD from a kept page when it is still valid for this request; false
 * when Express must answer (the caller then passes the request on untouched). Synchronous
 * when it can be (the usual case): a promise only while a cookie's signature or a
 * compressed copy is first being made.
 */
export function answerFromPageCache(
  config: Pick<Config, "today" | "atRiskDays">,
  cache: PageCache = pageCache,
) {
  const answer = (req: IncomingMessage, res: ServerResponse): boolean | Promise<boolean> => {
    const url = req.url;
    if ((req.method !== "GET" && req.method !== "HEAD") || !url?.startsWith("/")) return false;
    if (!cache.has(url)) return false;
    const started = performance.now();
    let page = cache.get(url, "public");
    if (!page) {
      const cookie = req.headers.cookie;
      const viewer = knownSessionViewer(cookie);
      if (viewer === undefined) return verifyCookie(cookie as string).then(() => answer(req, res));
      if (viewer === null) return false;
      page = cache.get(url, viewer);
    }
    if (!page) return false;
    const state = recentPageState(config);
    if (page.version !== state.version || page.day !== state.day) return false;
    const mark = url.indexOf("?");
    const path = mark === -1 ? url : url.slice(0, mark);
    const embeddable = mark !== -1 && isEmbeddable(path, new URLSearchParams(url.slice(mark + 1)));
    const ifNoneMatch = req.headers["if-none-match"];
    if (
      page.etag &&
      isNotModified({ etag: page.etag, lastModified: null }, ifNoneMatch, undefined)
    ) {
      res.writeHead(304, wireHeaders(page, embeddable, null, null));
      res.end();
      logRequest(req.method, path, 304, started);
      return true;
    }
    const kept = page;
    const send = (encoding: Encoding | null, body: Buffer): true => {
      res.writeHead(200, wireHeaders(kept, embeddable, encoding ?? "identity", body.length));
      res.end(req.method === "HEAD" ? undefined : body);
      logRequest(req.method, path, 200, started);
      return true;
    };
    const encoding = chooseEncoding(req, kept.contentType, kept.body.length);
    if (!encoding) return send(null, kept.body);
    const ready = kept.copies.ready(encoding);
    return ready ? send(encoding, ready) : kept.copies.get(encoding).then((b) => send(encoding, b));
  };
  return answer;
}

/**
 * The headers of a kept page's answer as one flat list, made once per variant (embedded or
 * not, each encoding, the 304): setting them one by one cost a fifth of an answer.
 */
function wireHeaders(
  page: KeptPage,
  embeddable: boolean,
  encoding: Encoding | "identity" | null,
  length: number | null,
): string[] {
  const key = (embeddable ? "e" : "") + (encoding ?? "304");
  const wire = page.wire ?? {};
  page.wire = wire;
  let list = wire[key];
  if (!list) {
    list = [];
    for (const [name, value] of securityHeaderList(embeddable)) list.push(name, value);
    for (const [name, value] of page.headers)
      if (encoding !== null || name !== "content-type") list.push(name, value);
    if (variesByEncoding(page.contentType, page.body.length)) list.push("Vary", "Accept-Encoding");
    if (encoding && encoding !== "identity") list.push("Content-Encoding", encoding);
    if (length !== null) list.push("Content-Length", String(length));
    wire[key] = list;
  }
  return list;
}
