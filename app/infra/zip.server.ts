/**
 * A minimal ZIP writer (PKWARE APPNOTE 6.3): entries "stored", not compressed, since the
 * documents are PDF and p7m files that hardly shrink. Each entry is read whole (a document is
 * bounded by the upload limit), so its CRC and size go in the local header and any unzip
 * tool reads the archive; the archive itself is streamed entry by entry.
 */
import { readFile } from "node:fs/promises";
import { Readable } from "node:stream";
import { createReadableStreamFromReadable } from "@remix-run/node";

export interface ZipEntry {
  /** Path inside the archive, "/" between folders. */
  name: string;
  modified: Date;
  content: () => Promise<Uint8Array>;
}

/** Entries from files on disk. */
export const fileEntry = (name: string, filePath: string, modified: Date): ZipEntry => ({
  name,
  modified,
  content: () => readFile(filePath),
});

export const textEntry = (name: string, text: string, modified: Date): ZipEntry => ({
  name,
  modified,
  content: async () => Buffer.from(text, "utf8"),
});

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const b of bytes) crc = (CRC_TABLE[(crc ^ b) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** MS-DOS date and time, local to the archive: 2-second steps, years from 1980. */
function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.max(date.getUTCFullYear(), 1980);
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

// Bit 11: names are UTF-8 (accented Italian file names stay as they are).
const UTF8_NAMES = 0x0800;
const VERSION = 20; // 2.0: folders and stored entries
// "Made by" Unix, so unzip tools read the names as UTF-8 rather than a DOS code page, and
// the files come out readable (mode 0644).
const MADE_BY = (3 << 8) | VERSION;
const FILE_MODE = (0o100644 << 16) >>> 0;
// Without ZIP64, sizes and offsets are 32-bit.
const LIMIT = 0xffffffff;

/** The archive's bytes, one entry at a time. */
export async function* zipChunks(entries: Iterable<ZipEntry>): AsyncGenerator<Uint8Array> {
  const central: Buffer[] = [];
  let offset = 0;
  let count = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const data = await entry.content();
    const crc = crc32(data);
    const { time, date } = dosDateTime(entry.modified);
    if (data.length >= LIMIT || offset + 30 + name.length + data.length >= LIMIT)
      throw new Error("Archivio troppo grande per il formato ZIP senza estensioni");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    yield Buffer.concat([local, name]);
    yield data;

    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(MADE_BY, 4);
    header.writeUInt16LE(VERSION, 6);
    header.writeUInt16LE(UTF8_NAMES, 8);
    header.writeUInt16LE(0, 10);
    header.writeUInt16LE(time, 12);
    header.writeUInt16LE(date, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(data.length, 20);
    header.writeUInt32LE(data.length, 24);
    header.writeUInt16LE(name.length, 28);
    // Extra and comment lengths, disk number, internal attributes: all zero.
    header.writeUInt32LE(FILE_MODE, 38);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    offset += 30 + name.length + data.length;
    count++;
  }
  if (count > 0xffff) throw new Error("Troppi file per il formato ZIP senza estensioni");
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  yield Buffer.concat([directory, end]);
}

/** A private download of the archive, streamed as it is written. */
export function zipResponse(entries: Iterable<ZipEntry>, contentDisposition: string): Response {
  return new Response(createReadableStreamFromReadable(Readable.from(zipChunks(entries))), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": contentDisposition,
      "Cache-Control": "private, no-store",
    },
  });
}
