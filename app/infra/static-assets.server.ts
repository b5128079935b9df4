/**
 * Static files served from memory: the build's fingerprinted assets, the public fonts and the
 * favicon, read once at start (about 2 MB), so a request never waits on the disk. Their
 * compressed copies are made on first request and kept.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { NextFunction, Request, Response } from "express";
import { EncodedCopies, sendKept, variesByEncoding } from "./encodings.server";

/** A year, for names that change with their content. */
export const IMMUTABLE = "public, max-age=31536000, immutable";

const TYPES: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

interface Asset {
  body: Buffer;
  copies: EncodedCopies;
  contentType: string;
  etag: string;
}

function readAssets(
  root: string,
  include: (relative: string) => boolean,
  assets = new Map<string, Asset>(),
  dir = root,
): Map<string, Asset> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return assets; // No such folder (no build yet): nothing to serve.
  }
  for (const name of names) {
    const file = path.join(dir, name);
    const relative = path.relative(root, file).split(path.sep).join("/");
    if (statSync(file).isDirectory()) readAssets(root, include, assets, file);
    else if (include(relative)) {
      const body = readFileSync(file);
      const hash = createHash("sha256").update(body).digest("base64url").slice(0, 22);
      assets.set(`/${relative}`, {
        body,
        copies: new EncodedCopies(body),
        contentType: TYPES[path.extname(name).toLowerCase()] ?? "application/octet-stream",
        // Weak: the gzip and brotli copies are the same file.
        etag: `W/"${hash}"`,
      });
    }
  }
  return assets;
}

/** The files under `root` that `include` accepts, as they are at start. */
export function staticAssets(
  root: string,
  {
    cacheControl,
    include = () => true,
  }: { cacheControl: string; include?: (relative: string) => boolean },
) {
  const assets = readAssets(root, include);
  return (req: Request, res: Response, next: NextFunction): void => {
    const asset = req.method === "GET" || req.method === "HEAD" ? assets.get(req.path) : undefined;
    if (!asset) {
      next();
      return;
    }
    res.setHeader("ETag", asset.etag);
    res.setHeader("Cache-Control", cacheControl);
    const ifNoneMatch = req.get("if-none-match");
    if (ifNoneMatch?.split(",").some((tag) => tag.trim() === asset.etag || tag.trim() === "*")) {
      if (variesByEncoding(asset.contentType, asset.body.length)) res.vary("Accept-Encoding");
      res.status(304).end();
      return;
    }
    res.setHeader("Content-Type", asset.contentType);
    sendKept(req, res, asset).catch(next);
  };
}
