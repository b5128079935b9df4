/**
 * What an uploaded file really is, from its first bytes: a PDF, or a signed PDF (.p7m: a
 * CMS SignedData structure in DER/BER whose encapsulated content is a PDF), also as some
 * signing tools save it: the same structure as base64 text, with or without PEM armour.
 */
export type DocumentKind = "pdf" | "p7m-pdf";

export type SniffResult = { ok: true; kind: DocumentKind } | { ok: false; reason: string };

/** Bytes the check needs to see; a p7m's certificates come after the content. */
export const SNIFF_BYTES = 64 * 1024;

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
// OID 1.2.840.113549.1.7.2 (signedData) and 1.2.840.113549.1.7.1 (data), DER-encoded.
const OID_SIGNED_DATA = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02];
const OID_DATA = [0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01];

export function sniffDocument(head: Uint8Array): SniffResult {
  if (head.length === 0) return { ok: false, reason: "Il file è vuoto." };
  if (startsWith(head, PDF_MAGIC, 0)) return { ok: true, kind: "pdf" };
  // A signed file as binary DER/BER, or as base64 text of it: judged on what it decodes to.
  const der = head[0] === 0x30 ? head : decodeBase64Head(head);
  if (der?.[0] === 0x30) {
    return encapsulatedPdf(der)
      ? { ok: true, kind: "p7m-pdf" }
      : { ok: false, reason: "Il file firmato (.p7m) non contiene un documento PDF." };
  }
  return { ok: false, reason: "Il file non è un PDF né un PDF firmato (.p7m)." };
}

// "-----BEGIN PKCS7-----" and its spellings by OpenSSL and other tools.
const PEM_BEGIN = /^-----BEGIN (?:PKCS7|PKCS #7 SIGNED DATA|CMS)-----/;
const PEM_END = /-----END [A-Z0-9 #]+-----[\s\S]*$/;
const BASE64_BODY = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;

/**
 * The bytes a base64 text starts with, or null when it is not base64. Only the head of the
 * file is at hand: the text is cut at its last whole group of four characters.
 */
function decodeBase64Head(head: Uint8Array): Uint8Array | null {
  // Base64 text is ASCII: any other byte means it is something else.
  if (head.some((b) => b > 0x7e)) return null;
  let text = new TextDecoder().decode(head).trim();
  if (text.startsWith("-----")) {
    const begin = PEM_BEGIN.exec(text);
    if (!begin) return null;
    // The end line, or the part of it the head still holds.
    text = text
      .slice(begin[0].length)
      .replace(PEM_END, "")
      .replace(/\s-[-A-Z0-9 #]*$/, "");
  }
  if (!BASE64_BODY.test(text)) return null;
  const compact = text.replace(/\s/g, "");
  const whole = compact.slice(0, compact.length - (compact.length % 4));
  if (whole === "") return null;
  try {
    return Uint8Array.from(atob(whole), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[], at: number): boolean {
  return prefix.every((b, i) => bytes[at + i] === b);
}

interface Tlv {
  tag: number;
  /** Offset of the value. */
  start: number;
  /** Length of the value, or null for BER indefinite length. */
  length: number | null;
}

/** Reads one tag-length header; null when the bytes end first or it is malformed. */
function readTlv(bytes: Uint8Array, at: number): Tlv | null {
  const tag = bytes[at];
  const first = bytes[at + 1];
  if (tag === undefined || first === undefined) return null;
  if (first < 0x80) return { tag, start: at + 2, length: first };
  if (first === 0x80) return { tag, start: at + 2, length: null };
  const count = first & 0x7f;
  if (count > 4) return null;
  let length = 0;
  for (let i = 0; i < count; i++) {
    const b = bytes[at + 2 + i];
    if (b === undefined) return null;
    length = length * 256 + b;
  }
  return { tag, start: at + 2 + count, length };
}

/** End of a value with a definite length, to step over it. */
function skip(bytes: Uint8Array, at: number): number | null {
  const tlv = readTlv(bytes, at);
  return tlv && tlv.length !== null ? tlv.start + tlv.length : null;
}

/**
 * ContentInfo ::= SEQUENCE { contentType OID signedData, [0] SignedData }
 * SignedData ::= SEQUENCE { version, digestAlgorithms SET, encapContentInfo SEQUENCE {
 *   eContentType OID data, [0] OCTET STRING (maybe constructed: chunks) } ... }
 */
function encapsulatedPdf(bytes: Uint8Array): boolean {
  const contentInfo = readTlv(bytes, 0);
  if (contentInfo?.tag !== 0x30) return false;
  const oid = readTlv(bytes, contentInfo.start);
  if (oid?.tag !== 0x06 || !startsWith(bytes, OID_SIGNED_DATA, oid.start)) return false;
  const explicit = readTlv(bytes, oid.start + (oid.length ?? 0));
  if (explicit?.tag !== 0xa0) return false;
  const signedData = readTlv(bytes, explicit.start);
  if (signedData?.tag !== 0x30) return false;
  const afterVersion = skip(bytes, signedData.start);
  const afterDigests = afterVersion === null ? null : skip(bytes, afterVersion);
  if (afterDigests === null) return false;
  const encap = readTlv(bytes, afterDigests);
  if (encap?.tag !== 0x30) return false;
  const type = readTlv(bytes, encap.start);
  if (type?.tag !== 0x06 || !startsWith(bytes, OID_DATA, type.start)) return false;
  const content = readTlv(bytes, type.start + (type.length ?? 0));
  if (content?.tag !== 0xa0) return false;
  let octets = readTlv(bytes, content.start);
  // A constructed OCTET STRING (0x24) holds the content in chunks: look at the first one.
  if (octets?.tag === 0x24) octets = readTlv(bytes, octets.start);
  return octets?.tag === 0x04 && startsWith(bytes, PDF_MAGIC, octets.start);
}

// Slashes, backslashes and control characters (built from codes: no raw control chars here).
const CONTROL_OR_SLASH = new RegExp(
  `[/\\\\${String.fromCharCode(0)}-${String.fromCharCode(31)}${String.fromCharCode(127)}]`,
);

/** Rejects names that try to climb folders or hide control characters. */
export function checkFileName(
  name: string,
): { ok: true; name: string } | { ok: false; reason: string } {
  const trimmed = name.trim();
  if (trimmed === "") return { ok: false, reason: "Scegliere un file da caricare." };
  if (
    CONTROL_OR_SLASH.test(trimmed) ||
    trimmed === "." ||
    trimmed === ".." ||
    trimmed.startsWith("..")
  ) {
    return { ok: false, reason: "Il nome del file non è valido: non può contenere percorsi." };
  }
  if (trimmed.length > 200)
    return { ok: false, reason: "Il nome del file è troppo lungo (massimo 200 caratteri)." };
  return { ok: true, name: trimmed };
}

export const MEDIA_TYPES: Record<DocumentKind, "application/pdf" | "application/pkcs7-mime"> = {
  pdf: "application/pdf",
  "p7m-pdf": "application/pkcs7-mime",
};
