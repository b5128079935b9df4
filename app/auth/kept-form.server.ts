/**
 * Reads the body of a post the guard refuses (expired session, missing permission), so the
 * refusal page can keep what was typed. Bounded like any form body; files are read past and
 * dropped, never stored.
 */
import { Readable } from "node:stream";
import { streamMultipart } from "@web3-storage/multipart-parser";
import type { Request } from "express";
import { type KeptForm, keepFields } from "../forms/kept-form";
import { readBounded } from "../infra/remix-handler.server";

/** As much as any text form of ours. */
const TEXT_MAX_BYTES = 1024 * 1024;
const MAX_FIELDS = 2000;

interface Part {
  done?: boolean;
  name: string;
  filename?: string;
  data: AsyncIterable<Uint8Array>;
}

/**
 * The refused form's fields, or null when it cannot be kept (not a form, too large, or
 * malformed). `fileMaxBytes`: how much of an upload is read past, at most.
 */
export async function readRefusedForm(
  req: Request,
  action: string,
  fileMaxBytes: number,
): Promise<KeptForm | null> {
  const type = (req.get("content-type") ?? "").toLowerCase();
  try {
    if (type.startsWith("application/x-www-form-urlencoded")) {
      const body = await readBounded(req, TEXT_MAX_BYTES);
      const entries = [...new URLSearchParams(body.toString("utf8"))].slice(0, MAX_FIELDS);
      return { action, multipart: false, fields: keepFields(entries), files: [] };
    }
    const boundary = /^multipart\/form-data\s*;\s*boundary=(.+)$/i.exec(
      req.get("content-type") ?? "",
    )?.[1];
    if (!boundary) return null;
    return await readMultipart(req, action, boundary.replace(/^"|"$/g, ""), fileMaxBytes);
  } catch {
    return null;
  }
}

async function readMultipart(
  req: Request,
  action: string,
  boundary: string,
  fileMaxBytes: number,
): Promise<KeptForm | null> {
  const ceiling = fileMaxBytes + TEXT_MAX_BYTES;
  if (Number(req.get("content-length") ?? 0) > ceiling) return null;
  let seen = 0;
  const body = (Readable.toWeb(req) as ReadableStream<Uint8Array>).pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > ceiling) controller.error(new Error("too large"));
        else controller.enqueue(chunk);
      },
    }),
  );
  const fields: [string, string][] = [];
  const files: string[] = [];
  let textBytes = 0;
  for await (const part of streamMultipart(body, boundary) as AsyncIterable<Part>) {
    if (part.done) break;
    if (typeof part.filename === "string") {
      if (!files.includes(part.name)) files.push(part.name);
      for await (const _ of part.data) {
        // Read past: a file is never kept.
      }
      continue;
    }
    const chunks: Uint8Array[] = [];
    for await (const chunk of part.data) {
      textBytes += chunk.byteLength;
      if (textBytes > TEXT_MAX_BYTES) return null;
      chunks.push(chunk);
    }
    if (fields.length >= MAX_FIELDS) return null;
    fields.push([part.name, Buffer.concat(chunks).toString("utf8")]);
  }
  return { action, multipart: true, fields: keepFields(fields), files };
}
