/**
 * Compression of what we send: which responses are compressed, and the one way a kept body
 * (a built asset, a cached public page) gets its gzip and brotli copies.
 */

import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import accepts from "accepts";
import compression from "compression";

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
  req: IncomingMessage,
  contentType: string | undefined | null,
  size: number,
): Encoding | null {
  if (!variesByEncoding(contentType, size) || !req.headers["accept-encoding"]) return null;
  // Brotli whenever accepted, whatever the client's order: smaller at the same cost once kept.
  const accepted = accepts(req);
  if (accepted.encodings(["br"]) === "br") return "br";
  return accepted.encodings(["gzip"]) === "gzip" ? "gzip" : null;
}

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/**
 * A kept body's compressed copy, made once and off the event loop (zlib's thread pool). At
 * the highest levels for bodies kept long (built assets, public pages); at quick ones for
 * a signed-in page, which one write makes stale.
 */
export class EncodedCopies {
  private readonly copies = new Map<Encoding, Promise<Buffer>>();
  private readonly made = new Map<Encoding, Buffer>();

  constructor(
    private readonly body: Buffer,
    private readonly effort: "best" | "quick" = "best",
  ) {}

  get(encoding: Encoding): Promise<Buffer> {
    let copy = this.copies.get(encoding);
    if (!copy) {
      copy =
        encoding === "br"
          ? brotli(this.body, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]:
                  this.effort === "best" ? constants.BROTLI_MAX_QUALITY : 5,
                [constants.BROTLI_PARAM_SIZE_HINT]: this.body.length,
              },
            })
          : gz(this.body, { level: this.effort === "best" ? constants.Z_BEST_COMPRESSION : 6 });
      this.copies.set(encoding, copy);
      copy.then(
        (made) => this.made.set(encoding, made),
        () => this.copies.delete(encoding),
      );
    }
    return copy;
  }

  /** The copy once made, to send without waiting; undefined before. */
  ready(encoding: Encoding): Buffer | undefined {
    return this.made.get(encoding);
  }
}

/** Sends a kept body, compressed when the client accepts it; HEAD gets the headers alone. */
export async function sendKept(
  req: IncomingMessage,
  res: ServerResponse,
  kept: { body: Buffer; copies: EncodedCopies; contentType: string | null },
): Promise<void> {
  const encoding = chooseEncoding(req, kept.contentType, kept.body.length);
  const body = encoding ? await kept.copies.get(encoding) : kept.body;
  if (variesByEncoding(kept.contentType, kept.body.length)) vary(res, "Accept-Encoding");
  if (encoding) res.setHeader("Content-Encoding", encoding);
  res.setHeader("Content-Length", body.length);
  res.end(req.method === "HEAD" ? undefined : body);
}

function vary(res: ServerResponse, field: string): void {
  const current = String(res.getHeader("Vary") ?? "");
  if (!current.split(",").some((f) => f.trim().toLowerCase() === field.toLowerCase()))
    res.setHeader("Vary", current ? `${current}, ${field}` : field);
}
