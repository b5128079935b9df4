/**
 * Express to Remix, with every request body bounded. A form body is read into memory only
 * up to a limit, counted as bytes arrive (a chunked body declares no length), and with a
 * limit on its number of fields; only the upload routes (`handle.upload`) stream their
 * multipart body on, to a parser that enforces the upload limits itself.
 */

import { once } from "node:events";
import type { IncomingMessage } from "node:http";
import {
  type AppLoadContext,
  createReadableStreamFromReadable,
  createRequestHandler,
  type ServerBuild,
} from "@remix-run/node";
import type { NextFunction, Request, Response } from "express";
import { routePath } from "../auth/access";
import type { RouteMatch } from "../auth/route-params";
import { EncodedCopies, sendKept } from "./encodings.server";
import type { PageCache, PageState } from "./page-cache.server";

/** Enough for the largest form (a checklist of a hundred criteria), far from a memory risk. */
export const FORM_MAX_BYTES = 1024 * 1024;
export const FORM_MAX_FIELDS = 2000;

/** How much of a refused body is read past before the connection is cut. */
const DISCARD_MAX_BYTES = 16 * 1024 * 1024;
const UPLOAD_DISCARD_MAX_BYTES = 256 * 1024 * 1024;

export interface RemixHandlerOptions {
  build: ServerBuild;
  matchRoute: (path: string) => RouteMatch | null;
  /** The origin the app is published at: request URLs never take it from the Host header. */
  origin: (req: Request) => string;
  getLoadContext: (req: Request, res: Response) => AppLoadContext;
  refuse: (res: Response, status: number, title: string, message: string) => void;
  /** Where the pages of routes with `handle.pageCache` are kept for their viewer. */
  pages?: {
    cache: PageCache;
    state: () => PageState;
    viewer: (res: Response) => number | null;
  };
}

/** A route's own handle: `{ upload: true }` streams its bodies, `{ pageCache: true }` keeps its pages. */
interface RouteHandle {
  upload?: boolean;
  pageCache?: boolean;
}

export function remixHandler(options: RemixHandlerOptions) {
  const handle = createRequestHandler(options.build, options.build.mode);
  const handleOf = (req: Request): RouteHandle | undefined => {
    const match = options.matchRoute(routePath(req.path));
    const route = match ? options.build.routes[match.id] : undefined;
    return route?.module.handle as RouteHandle | undefined;
  };
  const streamsUpload = (req: Request): boolean =>
    /^multipart\/form-data\s*;/i.test(req.get("content-type") ?? "") &&
    handleOf(req)?.upload === true;
  const { pages } = options;

  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const controller = new AbortController();
      const init: RequestInit & { duplex?: "half" } = {
        method: req.method,
        headers: requestHeaders(req),
        signal: controller.signal,
      };
      if (req.method !== "GET" && req.method !== "HEAD") {
        if (streamsUpload(req)) {
          init.body = createReadableStreamFromReadable(req);
          init.duplex = "half";
        } else {
          try {
            init.body = await formBody(
              await readBounded(req, FORM_MAX_BYTES),
              req.get("content-type"),
            );
          } catch (error) {
            if (!(error instanceof BodyRefused)) throw error;
            // Read past (a bounded part of) the rest, so the client gets to read the answer.
            discardRest(req, DISCARD_MAX_BYTES);
            options.refuse(res, error.status, error.title, error.message);
            return;
          }
        }
      }
      // A client gone before the answer was written: loaders and actions may stop.
      res.on("close", () => {
        if (!res.writableFinished) controller.abort();
      });
      const request = new globalThis.Request(`${options.origin(req)}${req.originalUrl}`, init);
      const viewer = req.method === "GET" && pages ? pages.viewer(res) : null;
      // Read before rendering: a write during the render leaves the page marked stale.
      const state = viewer !== null && handleOf(req)?.pageCache ? pages?.state() : undefined;
      const response = await handle(request, options.getLoadContext(req, res));
      if (pages && state && viewer !== null && keepable(response)) {
        await keepAndSend(pages.cache, req, res, response, viewer, state);
        return;
      }
      // An answer given before the body was read to its end (an upload refused on the way):
      // the rest is read past, so the connection can carry the next request.
      // An upload refused for its size is read past further, so the browser shows the answer.
      const discardMax = init.duplex ? UPLOAD_DISCARD_MAX_BYTES : DISCARD_MAX_BYTES;
      if (init.body) res.on("finish", () => req.readableEnded || discardRest(req, discardMax));
      res.statusMessage = response.statusText;
      res.status(response.status);
      for (const [name, value] of response.headers) res.append(name, value);
      if (response.body) await writeWithBackpressure(response.body, res);
      else res.end();
    } catch (error) {
      next(error);
    }
  };
}

/** A complete page for its viewer alone: no cookie set, not marked no-store, HTML. */
function keepable(response: globalThis.Response): boolean {
  return (
    response.status === 200 &&
    !response.headers.has("set-cookie") &&
    !/no-store/.test(response.headers.get("cache-control") ?? "") &&
    /^text\/html\b/.test(response.headers.get("content-type") ?? "")
  );
}

async function keepAndSend(
  cache: PageCache,
  req: Request,
  res: Response,
  response: globalThis.Response,
  viewer: number,
  state: PageState,
): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  // The length is set for the encoding sent.
  const headers = [...response.headers.entries()].filter(([name]) => name !== "content-length");
  const contentType = response.headers.get("content-type");
  const page = {
    ...state,
    headers,
    body,
    contentType,
    etag: null,
    copies: new EncodedCopies(body, "quick"),
  };
  cache.keep(req.originalUrl, viewer, page);
  res.status(200);
  for (const [name, value] of headers) res.setHeader(name, value);
  await sendKept(req, res, page);
}

/**
 * Writes a response body chunk by chunk, waiting for a slow client to take each one, so a
 * download is never queued whole in memory; stops reading when the client has gone.
 */
async function writeWithBackpressure(body: ReadableStream<Uint8Array>, res: Response) {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (res.destroyed) return;
      if (!res.write(value)) await Promise.race([once(res, "drain"), once(res, "close")]);
    }
    res.end();
  } finally {
    if (!res.writableEnded) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

function requestHeaders(req: Request): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value])
      headers.append(name, one);
  }
  return headers;
}

/**
 * Reads a whole body, refusing it as soon as it passes `maxBytes` (declared or counted).
 * The rest is left unread, not destroyed, so that the refusal can still be answered.
 */
export function readBounded(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers["content-length"] ?? 0) > maxBytes) {
      reject(TOO_LARGE());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      stop();
      req.pause();
      reject(TOO_LARGE());
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}

/**
 * Drops what is left of a body that will not be used, and cuts the connection past
 * `maxBytes`: closing at once would make the client lose the answer to a reset.
 */
function discardRest(req: IncomingMessage, maxBytes: number): void {
  // Whoever was reading the body (a parser that gave up) no longer wants it.
  req.removeAllListeners("data");
  let seen = 0;
  req.on("data", (chunk: Buffer) => {
    seen += chunk.byteLength;
    if (seen > maxBytes) req.socket.destroy();
  });
  req.resume();
}

/** Why a body is refused before any route sees it. */
export class BodyRefused extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    readonly title: string,
    message: string,
  ) {
    super(message);
  }
}

const TOO_LARGE = () =>
  new BodyRefused(
    413,
    "Dati troppo grandi",
    "Il modulo inviato supera la dimensione massima accettata.",
  );

/**
 * A read body as the form it must be: urlencoded or multipart (an empty body counts as an
 * empty form), with no more fields than any form of ours, parsed once here so that a
 * malformed one is refused as bad input rather than failing in an action.
 */
export async function formBody(
  body: Buffer,
  contentType: string | undefined,
): Promise<Uint8Array<ArrayBuffer>> {
  const type = (contentType ?? "").toLowerCase();
  const urlencoded = type.startsWith("application/x-www-form-urlencoded");
  const multipart = /^multipart\/form-data\s*;\s*boundary=/.test(type);
  if (!urlencoded && !multipart) {
    if (body.length === 0) return new Uint8Array(body);
    throw new BodyRefused(
      415,
      "Dati non accettati",
      "La richiesta deve essere un modulo (application/x-www-form-urlencoded o multipart/form-data).",
    );
  }
  let form: FormData;
  try {
    form = await new globalThis.Response(new Uint8Array(body), {
      headers: { "Content-Type": contentType as string },
    }).formData();
  } catch {
    throw new BodyRefused(
      400,
      "Modulo non leggibile",
      "Il modulo inviato non è scritto in forma valida.",
    );
  }
  let fields = 0;
  for (const _ of form.keys()) if (++fields > FORM_MAX_FIELDS) throw TOO_LARGE();
  return new Uint8Array(body);
}
