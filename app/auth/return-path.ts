/**
 * Where to go after signing in: always a path of this site. The target comes from the
 * query string, so anyone can write it; a redirect elsewhere would lend our sign-in page to
 * phishing, and a raw control character in a Location header makes the response fail.
 */

/** Longer than any page of ours: refused rather than echoed into a header. */
const MAX_LENGTH = 2000;

export function safeReturnPath(target: string | null | undefined, origin: string): string {
  if (!target || target.length > MAX_LENGTH) return "/";
  // Browsers drop tab and newline inside URLs ("/\t/x" is "//x") and read "\" as "/".
  if ([...target].some((c) => c <= "\u001f" || c === "\u007f" || c === "\\")) return "/";
  if (!URL.canParse(target, origin)) return "/";
  const url = new URL(target, origin);
  if (url.origin !== new URL(origin).origin) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//x" resolves to the path "//x", which a browser would read as another host.
  return path.startsWith("//") ? "/" : path;
}
