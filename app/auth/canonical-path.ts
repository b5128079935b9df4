/**
 * The one spelling of a path that the access rules and the router both see. The guard
 * decides on the raw path and Remix then resolves dots, backslashes and encodings on its
 * own: any path whose spelling is not already canonical is refused or sent to its
 * canonical form, so the two can never read different routes out of one request.
 */

/** Characters RFC 3986 allows unencoded in a path segment. */
const SEGMENT_CHAR = /^[A-Za-z0-9\-._~!$&'()*+,;=:@]$/;
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

export type PathVerdict =
  | { kind: "canonical" }
  /** The same resource, spelled canonically: redirect a safe request there. */
  | { kind: "respell"; canonical: string }
  /** No route can be meant (encoded slash or control character, broken encoding). */
  | { kind: "invalid" };

/** Judges a raw request path (without query string). */
export function judgePath(raw: string): PathVerdict {
  if (!raw.startsWith("/")) return { kind: "invalid" };
  let decoded = "";
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] as string;
    if (ch === "%") {
      const hex = raw.slice(i + 1, i + 3);
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return { kind: "invalid" };
      const byte = String.fromCharCode(Number.parseInt(hex, 16));
      // Equivalent to the plain character (RFC 3986 §6.2.2.2): the router decodes it.
      if (UNRESERVED.test(byte)) decoded += byte;
      // An encoded slash, backslash, control or non-ASCII character names no route of ours.
      else return { kind: "invalid" };
      i += 2;
    } else if (ch === "/" || ch === "\\") {
      // Browsers and the URL parser read a backslash as a slash.
      decoded += "/";
    } else if (SEGMENT_CHAR.test(ch)) {
      decoded += ch;
    } else {
      return { kind: "invalid" };
    }
  }
  const canonical = removeDotSegments(decoded.replace(/\/{2,}/g, "/"));
  return canonical === raw ? { kind: "canonical" } : { kind: "respell", canonical };
}

/** RFC 3986 §5.2.4, on a path that starts with "/" and has no empty segment. */
function removeDotSegments(path: string): string {
  const out: string[] = [];
  const segments = path.split("/").slice(1);
  segments.forEach((segment) => {
    // A final dot segment leaves no trailing slash: "/esci/." is "/esci", as the router reads it.
    if (segment === "..") {
      out.pop();
    } else if (segment === ".") {
      // nothing
    } else {
      out.push(segment);
    }
  });
  return `/${out.join("/")}`;
}

/** A route parameter that names a record: a plain positive decimal integer, nothing else. */
export const RECORD_ID = /^[1-9][0-9]{0,14}$/;

/** Parses a record id as the access rules accept it; null for every other spelling. */
export function parseRecordId(value: string | undefined): number | null {
  return value !== undefined && RECORD_ID.test(value) ? Number(value) : null;
}
