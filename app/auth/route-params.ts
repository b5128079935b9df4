/**
 * Which route of the route table a canonical path reaches, and whether its parameters are
 * spelled as the access rules read them. Ids must be plain positive decimal integers, so
 * "0x8", "+8", "8.0", "8e0" or "08" never reach a loader that would turn them into 8.
 */
import { RECORD_ID } from "./canonical-path";

/** The part of Remix's route manifest that gives a route its URL. */
export interface RouteEntry {
  path?: string;
  parentId?: string;
  index?: boolean;
}

/** Words that some step routes take in place of an id ("/determine/nuova"). */
const NEW_WORDS = new Set(["nuova", "nuovo"]);

/** The spelling each kind of route parameter must have; a parameter not named here is free. */
export function paramIsWellFormed(name: string, value: string): boolean {
  if (name === "id" || name.endsWith("Id")) return RECORD_ID.test(value) || NEW_WORDS.has(value);
  if (name === "istat") return /^[0-9]{6}$/.test(value);
  return value.length > 0;
}

interface Pattern {
  segments: string[];
  score: number;
}

interface Pattern {
  id: string;
  segments: string[];
  score: number;
}

export interface RouteMatch {
  id: string;
  params: Record<string, string>;
  /** The path with the route's own spelling of its fixed parts (the router ignores case). */
  path: string;
}

/** React Router's ranking, enough to tell which of several matching patterns wins. */
function compile(id: string, pattern: string): Pattern {
  const segments = pattern.split("/").filter(Boolean);
  const score = segments.reduce(
    (sum, s) => sum + (s === "*" ? -2 : s.startsWith(":") ? 3 : 10),
    segments.length,
  );
  return { id, segments, score };
}

function matchParams(pattern: Pattern, parts: string[]): RouteMatch | null {
  const params: Record<string, string> = {};
  const spelled: string[] = [];
  for (let i = 0; i < pattern.segments.length; i++) {
    const segment = pattern.segments[i] as string;
    if (segment === "*") {
      params["*"] = parts.slice(i).join("/");
      return { id: pattern.id, params, path: `/${[...spelled, ...parts.slice(i)].join("/")}` };
    }
    const part = parts[i];
    if (part === undefined) return null;
    if (segment.startsWith(":")) {
      // A parameter may carry a literal suffix (":id.ics").
      const [, name = "", suffix = ""] = /^:([\w-]+)(.*)$/.exec(segment) ?? [];
      if (!part.toLowerCase().endsWith(suffix.toLowerCase()) || part.length === suffix.length)
        return null;
      const value = part.slice(0, part.length - suffix.length);
      params[name] = value;
      spelled.push(value + suffix);
    } else if (segment.toLowerCase() === part.toLowerCase()) {
      spelled.push(segment);
    } else return null;
  }
  if (parts.length !== pattern.segments.length) return null;
  return { id: pattern.id, params, path: `/${spelled.join("/")}` };
}

/**
 * The route a canonical path reaches, from Remix's route manifest (nested paths joined),
 * or null when none does. Layout routes without a path of their own match like their parent.
 */
export function routeMatcher(
  routes: Record<string, RouteEntry | undefined>,
): (path: string) => RouteMatch | null {
  const fullPath = (id: string): string => {
    const route = routes[id];
    if (!route) return "";
    const parent = route.parentId ? fullPath(route.parentId) : "";
    return [parent, route.path ?? ""].filter(Boolean).join("/");
  };
  const compiled = Object.keys(routes)
    .filter((id) => id !== "root")
    .map((id) => compile(id, fullPath(id)))
    .sort((a, b) => b.score - a.score);
  return (path) => {
    const parts = path.split("/").filter(Boolean);
    for (const pattern of compiled) {
      const match = matchParams(pattern, parts);
      if (match) return match;
    }
    return null;
  };
}

/** True when a route match (or no match: the router answers 404) has well-formed parameters. */
export function paramsWellFormed(match: RouteMatch | null): boolean {
  return (
    match === null ||
    Object.entries(match.params).every(([name, value]) => paramIsWellFormed(name, value))
  );
}
