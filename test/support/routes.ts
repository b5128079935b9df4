/** The route table as files: what tests generate their matrices from. */
import path from "node:path";
/** Remix v2 flat-route file name → URL pattern ("attuazione.$istat_.dati[.]csv" → "/attuazione/:istat/dati.csv"). */
export function routePattern(file: string): string {
  const name = file.replace(/\.tsx?$/, "");
  const segments: string[] = [];
  let current = "";
  let escaped = false;
  for (const ch of name) {
    if (ch === "[") escaped = true;
    else if (ch === "]") escaped = false;
    else if (ch === "." && !escaped) {
      segments.push(current);
      current = "";
    } else current += ch;
  }
  segments.push(current);
  const parts = segments
    .filter((s) => s !== "_index" && !(s.startsWith("_") && s.length > 1))
    .map((s) => s.replace(/_$/, ""))
    .map((s) => (s === "$" ? "*" : s.startsWith("$") ? `:${s.slice(1)}` : s));
  return `/${parts.join("/")}`;
}

export const ROUTES_DIR = path.resolve(import.meta.dirname, "../../app/routes");
