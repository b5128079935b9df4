/**
 * Express to Remix, with every request body bounded. A form body is read into memory only
 * up to a limit, counted as bytes arrive (a chunked body declares no length), and with a
 * limit on its number of fields; only the upload routes (`handle.upload`) stream their
 * multipart body on, to a parser that enforces the upload limits itself.
 */

import type { IncomingMessage } from "node:http";
import {
  type AppLoadContext,
  createReadableStreamFromReadable,
  createRequestHandler,
  type ServerBuild,
  writeReadableStreamToWritable,
} from "@remix-run/node";
import type { NextFunction, Request, Response } from "express";
import { routePath } from "../auth/access";
import type { RouteMatch } from "../auth/route-params";

/** Enough for the largest form (a checklist of a hundred criteria), far from a memory risk. */
export const FORM_MAX_BYTES = 1024 * 1024;
export const FORM_MAX_FIELDS = 2000;

export class BodyTooLarge extends Error {}

export interface RemixHandlerOptions {
  build: ServerBuild;
  matchRoute: (path: string) => RouteMatch | null;
  /** The origin the app is published at: request URLs never take it from the Host header. */
  origin: (req: Request) => string;
  getLoadContext: (req: Request, res: Response) => AppLoadContext;
  refuse: (res: Response, status: number, title: string, message: string) => void;
}

export function remixHandler(options: RemixHandlerOptions) {
  const handle = createRequestHandler(options.build, options.build.mode);
  const streamsUpload = (req: Request): boolean => {
    if (!/^multipart\/form-data\s*;/i.test(req.get("content-type") ?? "")) return false;
    const match = options.matchRoute(routePath(req.path));
    const route = match ? options.build.routes[match.id] : undefined;
    return (route?.module.handle as { upload?: boolean } | undefined)?.upload === true;
  };

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
            init.body = new Uint8Array(
              formBody(await readBounded(req, FORM_MAX_BYTES), req.get("content-type")),
            );
          } catch (error) {
            if (!(error instanceof BodyTooLarge)) throw error;
            // Close rather than read the rest of a body we will not use.
            res.set("Connection", "close");
            options.refuse(
              res,
              413,
              "Dati troppo grandi",
              "Il modulo inviato supera la dimensione massima accettata.",
            );
            return;
          }
        }
      }
      // A client gone before the answer was written: loaders and actions may stop.
      res.on("close", () => {
        if (!res.writableFinished) controller.abort();
      });
      const request = new globalThis.Request(`${options.origin(req)}${req.originalUrl}`, init);
      const response = await handle(request, options.getLoadContext(req, res));
      res.statusMessage = response.statusText;
      res.status(response.status);
      for (const [name, value] of response.headers) res.append(name, value);
      if (response.body) await writeReadableStreamToWritable(response.body, res);
      else res.end();
    } catch (error) {
      next(error);
    }
  };
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
      reject(new BodyTooLarge());
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
      reject(new BodyTooLarge());
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

/** A read body, refused when it holds more fields than any form of ours has. */
export function formBody(body: Buffer, contentType: string | undefined): Buffer {
  const type = (contentType ?? "").toLowerCase();
  let fields = 0;
  if (type.startsWith("application/x-www-form-urlencoded")) {
    for (let at = body.indexOf(0x26); at !== -1; at = body.indexOf(0x26, at + 1)) fields++;
  } else if (type.startsWith("multipart/form-data")) {
    const boundary = /boundary="?([^";]+)"?/i.exec(contentType ?? "")?.[1];
    const marker = Buffer.from(`--${boundary ?? ""}`);
    for (let at = body.indexOf(marker); at !== -1; at = body.indexOf(marker, at + marker.length))
      fields++;
  }
  if (fields > FORM_MAX_FIELDS) throw new BodyTooLarge();
  return body;
}
