/**
 * Compression of what we send: which responses are compressed, and the one way a kept body
 * (a built asset, a cached public page) gets its gzip and brotli copies.
 */
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import compression from "compression";
import type { Request, Response } from "express";

export type Encoding = "br" | "gzip";

/** Smaller bodies gain less than the header costs. */
export const COMPRESS_THRESHOLD = 1024;

/**
 * Only the text we generate: pages, styles, scripts, data, CSV, calendars, SVG. Stored
 * documents (PDF, p7m) are already compressed and keep their length; an event stream must
 * not wait for a compressor's buffer.
 */
const COMPRESSIBLE =
  /^(?:text\/(?:html|css|csv|calendar|plain|javascript)|application\/(?:json|javascript|manifest\+json)|image\/svg\+xml)\s*(?:;|$)/i;

export function isCompressible(contentType: string | undefined | null): boolean {
  return !!contentType && COMPRESSIBLE.test(contentType);
}

/** For responses made per request: gzip or brotli (quality 4: fast) over the threshold. */
export function compressResponses() {
  return compression({
    threshold: COMPRESS_THRESHOLD,
    filter: (_req, res) => isCompressible(res.getHeader("Content-Type") as string | undefined),
  });
}

/** True when a body of this type and size is sent compressed to clients that accept it. */
export function variesByEncoding(contentType: string | undefined | null, size: number): boolean {
  return size >= COMPRESS_THRESHOLD && isCompressible(contentType);
}

/** The encoding to send a kept body in, or null for the body as it is. */
export function chooseEncoding(
  req: Request,
  contentType: string | undefined | null,
  size: number,
): Encoding | null {
  if (!variesByEncoding(contentType, size) || !req.get("accept-encoding")) return null;
  // Brotli first when both are accepted: smaller at the same cost once kept.
  if (req.acceptsEncodings("br") === "br") return "br";
  return req.acceptsEncodings("gzip") === "gzip" ? "gzip" : null;
}

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/**
 * A kept body's compressed copy, made once and off the event loop (zlib's thread pool), at
 * the highest levels: the cost is paid once per body, the bytes saved on every response.
 */
export class EncodedCopies {
  private readonly copies = new Map<Encoding, Promise<Buffer>>();

  constructor(private readonly body: Buffer) {}

  get(encoding: Encoding): Promise<Buffer> {
    let copy = this.copies.get(encoding);
    if (!copy) {
      copy =
        encoding === "br"
          ? brotli(this.body, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: this.body.length,
              },
            })
          : gz(this.body, { level: constants.Z_BEST_COMPRESSION });
      this.copies.set(encoding, copy);
    }
    return copy;
  }
}

/** Sends a kept body, compressed when the client accepts it; HEAD gets the headers alone. */
export async function sendKept(
  req: Request,
  res: Response,
  kept: { body: Buffer; copies: EncodedCopies; contentType: string | null },
): Promise<void> {
  const encoding = chooseEncoding(req, kept.contentType, kept.body.length);
  const body = encoding ? await kept.copies.get(encoding) : kept.body;
  if (variesByEncoding(kept.contentType, kept.body.length)) res.vary("Accept-Encoding");
  if (encoding) res.setHeader("Content-Encoding", encoding);
  res.setHeader("Content-Length", body.length);
  res.end(req.method === "HEAD" ? undefined : body);
}
