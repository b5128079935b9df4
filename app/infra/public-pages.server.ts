/**
 * The public pages in Express, for what the page cache in front (page-cache.server.ts) could
 * not answer: a conditional request for unchanged data is answered 304, and a page is
 * rendered and kept. The pages depend on nothing but the URL, the data and the day, so a
 * page rendered once is valid for everyone until the next audited write or midnight.
 */
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import type { NextFunction, Request, Response } from "express";
import { readConfig } from "./config.server";
import { getDb } from "./db.server";
import { EncodedCopies, sendKept } from "./encodings.server";
import { currentPageState, type PageCache, pageCache } from "./page-cache.server";
import { isNotModified, PUBLIC_CACHE_CONTROL, publicValidators } from "./public-cache.server";
import { requestContext } from "./request-context.server";

export function publicPages(build: ServerBuild, cache: PageCache = pageCache) {
  const handle = createRequestHandler(build, build.mode);
  // The page is the same whatever Host the first visitor sent: it is rendered for the site.
  const config = readConfig();
  const origin = config.publicUrl;

  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    // Documents stream from disk through their own route; everything else is a page or data.
    if ((req.method !== "GET" && req.method !== "HEAD") || req.path.includes("/documenti/"))
      return next();
    try {
      // Read before rendering: a write during the render leaves the page marked stale.
      const state = currentPageState(config);
      const validators = publicValidators(state.day);
      if (isNotModified(validators, req.get("if-none-match"), req.get("if-modified-since"))) {
        res.status(304).set({ ETag: validators.etag, "Cache-Control": PUBLIC_CACHE_CONTROL });
        if (validators.lastModified) res.set("Last-Modified", validators.lastModified);
        // As the full response would say (pages and data are compressed when accepted).
        res.vary("Accept-Encoding");
        res.end();
        return;
      }
      const key = req.originalUrl;
      const response = await handle(
        new globalThis.Request(`${origin}${key}`, {
          headers: { Accept: req.get("accept") ?? "text/html" },
        }),
        requestContext({ db: getDb(), config, user: null, clientAddress: req.ip ?? "sconosciuto" }),
      );
      const body = Buffer.from(await response.arrayBuffer());
      // The length is set for the encoding sent.
      const headers = [...response.headers.entries()].filter(([name]) => name !== "content-length");
      res.status(response.status);
      for (const [name, value] of headers) res.setHeader(name, value);
      const etag = response.headers.get("etag");
      // Only complete pages of the current data are kept; errors are rendered each time and
      // go through the per-response compression.
      if (response.status !== 200 || etag !== validators.etag) {
        res.end(req.method === "HEAD" ? undefined : body);
        return;
      }
      const contentType = response.headers.get("content-type");
      const page = { ...state, headers, body, contentType, etag, copies: new EncodedCopies(body) };
      cache.keep(key, "public", page);
      await sendKept(req, res, page);
    } catch (error) {
      next(error);
    }
  };
}
