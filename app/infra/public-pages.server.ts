/**
 * The public pages in front of Remix: a conditional request for unchanged data is answered
 * 304, and a rendered page is kept in memory for as long as the data version (ETag) it was
 * rendered from holds. The pages depend on nothing but the URL and the data, so a page
 * rendered once is valid for everyone until the next audited write.
 */
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import type { NextFunction, Request, Response } from "express";
import { readConfig } from "./config.server";
import { getDb } from "./db.server";
import { EncodedCopies, sendKept } from "./encodings.server";
import { isNotModified, PUBLIC_CACHE_CONTROL, publicValidators } from "./public-cache.server";
import { requestContext } from "./request-context.server";

interface CachedPage {
  etag: string;
  status: number;
  headers: [string, string][];
  body: Buffer;
  contentType: string | null;
  /** Made on the first request that accepts them, kept with the page. */
  copies: EncodedCopies;
}

/** Enough for every page of a few hundred comuni; the oldest entry goes first. */
const MAX_PAGES = 2000;

export function publicPages(build: ServerBuild) {
  const handle = createRequestHandler(build, build.mode);
  // The page is the same whatever Host the first visitor sent: it is rendered for the site.
  const config = readConfig();
  const origin = config.publicUrl;
  const cache = new Map<string, CachedPage>();

  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    // Documents stream from disk through their own route; everything else is a page or data.
    if ((req.method !== "GET" && req.method !== "HEAD") || req.path.includes("/documenti/"))
      return next();
    try {
      const validators = publicValidators();
      if (isNotModified(validators, req.get("if-none-match"), req.get("if-modified-since"))) {
        res.status(304).set({ ETag: validators.etag, "Cache-Control": PUBLIC_CACHE_CONTROL });
        if (validators.lastModified) res.set("Last-Modified", validators.lastModified);
        // As the full response would say (pages and data are compressed when accepted).
        res.vary("Accept-Encoding");
        res.end();
        return;
      }
      const key = req.originalUrl;
      let page = cache.get(key);
      if (!page || page.etag !== validators.etag) {
        const response = await handle(
          new globalThis.Request(`${origin}${key}`, {
            headers: { Accept: req.get("accept") ?? "text/html" },
          }),
          requestContext({
            db: getDb(),
            config,
            user: null,
            clientAddress: req.ip ?? "sconosciuto",
          }),
        );
        const body = Buffer.from(await response.arrayBuffer());
        page = {
          etag: response.headers.get("etag") ?? "",
          status: response.status,
          // The length is set for the encoding sent.
          headers: [...response.headers.entries()].filter(([name]) => name !== "content-length"),
          body,
          contentType: response.headers.get("content-type"),
          copies: new EncodedCopies(body),
        };
        // Only complete pages of the current data are kept; errors are rendered each time.
        if (page.status === 200 && page.etag === validators.etag) {
          cache.delete(key);
          cache.set(key, page);
          if (cache.size > MAX_PAGES) cache.delete(cache.keys().next().value as string);
        }
      }
      res.status(page.status);
      for (const [name, value] of page.headers) res.setHeader(name, value);
      // A kept page is compressed once, at the highest level; an error page, rendered each
      // time, goes through the per-response compression instead.
      if (cache.get(key) === page) await sendKept(req, res, page);
      else res.end(req.method === "HEAD" ? undefined : page.body);
    } catch (error) {
      next(error);
    }
  };
}
