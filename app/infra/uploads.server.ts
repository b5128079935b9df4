/**
 * Receives an uploaded document by streaming it to a temporary file: the size limit is
 * enforced while bytes arrive, the SHA-256 is computed on the way, and only the first bytes
 * stay in memory for the content check.
 */
import { createHash, randomUUID } from "node:crypto";
import { once } from "node:events";
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { streamMultipart } from "@web3-storage/multipart-parser";
import { SNIFF_BYTES } from "../domain/document-content";
import { storedFilePath } from "./files.server";

export interface ReceivedFile {
  originalName: string;
  tempPath: string;
  sha256: string;
  size: number;
  head: Buffer;
}

/** The upload went over a limit; `fields`: the text fields read, so the form keeps them. */
export class UploadTooLarge extends Error {
  constructor(readonly fields: Record<string, string> = {}) {
    super("upload too large");
  }
}

export class NotMultipart extends Error {}

const FILE_FIELD = "file";
const MAX_TEXT_FIELD = 64 * 1024;
/** Our upload forms have a handful of fields; more is not a form of ours. */
const MAX_TEXT_FIELDS = 50;
/** Files other than "file" are read past, not kept, up to this much in all. */
const MAX_OTHER_FILES = 1024 * 1024;

/**
 * Parses a multipart form: the field "file" goes to disk, the others become text. The file
 * name is kept exactly as sent (Remix's own parser would cut it to a base name), so a name
 * that tries to climb folders can be refused rather than silently renamed.
 */
export async function receiveUpload(
  request: Request,
  filesDir: string,
  maxBytes: number,
): Promise<{ fields: Record<string, string>; file: ReceivedFile | null }> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  const [type, boundary] = (request.headers.get("content-type") ?? "").split(/\s*;\s*boundary=/);
  // The multipart envelope adds a little; a body far beyond the limit is refused, but read
  // (up to a bound, as a refused body must be for the answer to arrive) for its text fields,
  // so that the form comes back with everything but the file.
  const declaredTooLarge = declared > maxBytes + 64 * 1024;
  if (!request.body || !boundary || type !== "multipart/form-data") {
    if (declaredTooLarge) {
      await discardBody(request.body, maxBytes * 8);
      throw new UploadTooLarge();
    }
    throw new NotMultipart();
  }
  const fields: Record<string, string> = {};
  let file: ReceivedFile | null = null;
  let fileTooLarge = declaredTooLarge;
  let textFields = 0;
  let otherBytes = 0;
  try {
    // Every byte counts against one ceiling, part headers and preamble included.
    const ceiling = declaredTooLarge
      ? maxBytes * 8
      : maxBytes + MAX_OTHER_FILES + MAX_TEXT_FIELDS * MAX_TEXT_FIELD + 64 * 1024;
    const body = counted(request.body, ceiling);
    for await (const part of streamMultipart(body, boundary) as AsyncIterable<Part>) {
      if (part.done) break;
      if (typeof part.filename === "string") {
        if (part.name === FILE_FIELD && file === null && !fileTooLarge) {
          const received = await streamToTemp(part.filename, part.data, filesDir, maxBytes);
          if (received === "too-large") fileTooLarge = true;
          else file = received;
        }
        // Other files, and a file over the limit, are not wanted, but must be read past.
        else if (part.name === FILE_FIELD) for await (const _ of part.data);
        else
          for await (const chunk of part.data) {
            otherBytes += chunk.byteLength;
            if (otherBytes > MAX_OTHER_FILES) throw new UploadTooLarge();
          }
      } else {
        if (++textFields > MAX_TEXT_FIELDS) throw new UploadTooLarge();
        fields[part.name] = await readText(part.data);
      }
    }
  } catch (error) {
    discard(file);
    if (error instanceof UploadTooLarge) throw new UploadTooLarge(fields);
    if ((error as { code?: unknown }).code !== undefined) throw error;
    // The parser's own complaint: a body that is not a well-formed multipart form.
    throw new Response("Il modulo inviato non è scritto in forma valida.", {
      status: 400,
      statusText: "Modulo non leggibile",
    });
  }
  if (fileTooLarge) {
    discard(file);
    throw new UploadTooLarge(fields);
  }
  return { fields, file };
}

/**
 * Reads and drops what is left of a refused body (up to a bound), so the browser receives
 * the answer and the connection stays usable; a body left unread breaks the next request.
 */
async function discardBody(body: ReadableStream<Uint8Array> | null, limit: number): Promise<void> {
  if (!body || body.locked) return;
  const reader = body.getReader();
  let read = 0;
  try {
    while (read <= limit) {
      const { done, value } = await reader.read();
      if (done) return;
      read += value.byteLength;
    }
    await reader.cancel();
  } catch {
    // The client went away: nothing left to drain.
  }
}

/** The body as it arrives, failing with UploadTooLarge past `maxBytes`. */
function counted(body: ReadableStream<Uint8Array>, maxBytes: number): ReadableStream<Uint8Array> {
  let seen = 0;
  // preventCancel: the request stays open, so that the refusal can still be answered.
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) controller.error(new UploadTooLarge());
        else controller.enqueue(chunk);
      },
    }),
    { preventCancel: true },
  );
}

interface Part {
  done?: boolean;
  name: string;
  filename?: string;
  data: AsyncIterable<Uint8Array>;
}

async function readText(data: AsyncIterable<Uint8Array>): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of data) {
    size += chunk.byteLength;
    if (size > MAX_TEXT_FIELD) throw new UploadTooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The file to a temporary file; "too-large" (and nothing kept) past `maxBytes`, read to its end. */
async function streamToTemp(
  filename: string,
  data: AsyncIterable<Uint8Array>,
  filesDir: string,
  maxBytes: number,
): Promise<ReceivedFile | null | "too-large"> {
  const tempDir = path.join(filesDir, ".tmp");
  mkdirSync(tempDir, { recursive: true });
  const tempPath = path.join(tempDir, randomUUID());
  const out = createWriteStream(tempPath);
  const hash = createHash("sha256");
  const head: Buffer[] = [];
  let headSize = 0;
  let size = 0;
  try {
    for await (const chunk of data) {
      size += chunk.byteLength;
      // Past the limit the rest is read and dropped (the body's ceiling still bounds it).
      if (size > maxBytes) continue;
      hash.update(chunk);
      if (headSize < SNIFF_BYTES) {
        head.push(Buffer.from(chunk));
        headSize += chunk.byteLength;
      }
      if (!out.write(chunk)) await once(out, "drain");
    }
    out.end();
    await once(out, "finish");
  } catch (error) {
    out.destroy();
    rmSync(tempPath, { force: true });
    throw error;
  }
  if (size > maxBytes) {
    rmSync(tempPath, { force: true });
    return "too-large";
  }
  if (filename === "" && size === 0) {
    // The form was sent with no file chosen.
    rmSync(tempPath, { force: true });
    return null;
  }
  return {
    originalName: filename,
    tempPath,
    sha256: hash.digest("hex"),
    size,
    head: Buffer.concat(head).subarray(0, SNIFF_BYTES),
  };
}

/** Moves a checked upload into the content-addressed store (once per content). */
export function keep(file: ReceivedFile, filesDir: string): void {
  const target = storedFilePath(filesDir, file.sha256);
  mkdirSync(path.dirname(target), { recursive: true });
  if (existsSync(target)) rmSync(file.tempPath, { force: true });
  else renameSync(file.tempPath, target);
}

export function discard(file: ReceivedFile | null): void {
  if (file) rmSync(file.tempPath, { force: true });
}
