import { eq } from "drizzle-orm";
import type { NextFunction, Request, Response } from "express";
import { comune, progetto } from "../../db/schema";
import {
  canAccessUnione,
  canRead,
  canWrite,
  type Requirement,
  requirementFor,
  routePath,
  type Scope,
  type SessionUser,
} from "../auth/access";
import { judgePath } from "../auth/canonical-path";
import { readRefusedForm } from "../auth/kept-form.server";
import { safeReturnPath } from "../auth/return-path";
import { paramsWellFormed, type RouteMatch } from "../auth/route-params";
import { userFromCookie } from "../auth/session.server";
import { readConfig } from "./config.server";
import { getDb } from "./db.server";
import { errorPageHtml, keptFormPageHtml } from "./error-page.server";
import { sameOriginAs } from "./host.server";

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Before anything else reads the path: a path not spelled canonically is sent to its
 * canonical spelling (safe methods) or refused, and a route parameter that is not spelled
 * as the access rules read it (an id as "0x8", "+8", "8.0") answers 404. From here on the
 * guard, the public pages and the router all see one and the same path.
 */
export function canonicalPaths(matchRoute: (path: string) => RouteMatch | null) {
  // The same few paths come again and again: each is judged once (a bounded memo).
  const judged = new Map<string, PathDecision>();
  const decide = (path: string): PathDecision => {
    let decision = judged.get(path);
    if (decision) return decision;
    decision = decidePath(path, matchRoute);
    if (judged.size >= 10_000) judged.clear();
    judged.set(path, decision);
    return decision;
  };
  return (req: Request, res: Response, next: NextFunction): void => {
    const raw = req.originalUrl;
    const queryAt = raw.indexOf("?");
    const path = queryAt === -1 ? raw : raw.slice(0, queryAt);
    const query = queryAt === -1 ? "" : raw.slice(queryAt);
    const decision = decide(path);
    if (decision === "invalid") {
      refuse(
        res,
        400,
        "Indirizzo non valido",
        "L'indirizzo richiesto non è scritto in forma valida.",
      );
      return;
    }
    if (decision === "not-found") {
      refuse(res, 404, "Pagina non trovata", "L'indirizzo non corrisponde a nessuna pagina.");
      return;
    }
    const spelled = decision === "canonical" ? path : decision.respell;
    if (spelled === path) next();
    else if (req.method === "GET" || req.method === "HEAD") res.redirect(308, spelled + query);
    else
      refuse(
        res,
        400,
        "Indirizzo non valido",
        "L'indirizzo richiesto non è scritto in forma valida.",
      );
  };
}

type PathDecision = "canonical" | "invalid" | "not-found" | { respell: string };

function decidePath(path: string, matchRoute: (path: string) => RouteMatch | null): PathDecision {
  const verdict = judgePath(path);
  if (verdict.kind === "invalid") return "invalid";
  const canonical = verdict.kind === "respell" ? verdict.canonical : path;
  const match = matchRoute(routePath(canonical));
  if (!paramsWellFormed(match)) return "not-found";
  // The router ignores case; the access rules read the route's own spelling.
  const spelled = match ? respellLike(canonical, match.path) : canonical;
  return spelled === path ? "canonical" : { respell: spelled };
}

/** A canonical path with the route's spelling, keeping its ".data" or trailing slash. */
function respellLike(canonical: string, routeSpelling: string): string {
  const bare = routePath(canonical);
  if (bare.toLowerCase() !== routeSpelling.toLowerCase() || bare === "/") return canonical;
  return routeSpelling + canonical.slice(bare.length);
}

/**
 * Every request passes here before any route: it finds the signed-in user, refuses
 * cross-site writes, and checks role and scope for the path. Routes receive the user in
 * their load context and never have to repeat these checks by hand.
 */
export async function guard(req: Request, res: Response, next: NextFunction): Promise<void> {
  try {
    const user = await userFromCookie(req.headers.cookie);
    res.locals.user = user;
    const unsafe = UNSAFE.has(req.method);
    if (unsafe && !sameOrigin(req)) {
      refuse(
        res,
        403,
        "Richiesta rifiutata",
        "La richiesta non proviene da questo sito (protezione CSRF).",
      );
      return;
    }
    const requirement = requirementFor(req.method, req.path);
    const verdict = decide(requirement, user);
    if (verdict === "allow") return next();
    if (verdict === "not-found") {
      refuse(res, 404, "Pagina non trovata", "Il record richiesto non esiste.");
    } else if (verdict === "sign-in" && !unsafe) {
      res.redirect(
        303,
        `/accedi?ritorno=${encodeURIComponent(req.originalUrl.replace(/\.data(\?|$)/, "$1"))}`,
      );
    } else if (req.method === "POST" && (await keepRefusedForm(req, res, verdict))) {
      // Answered: the refusal keeps what was typed and offers to sign in and resend.
    } else if (verdict === "sign-in") {
      refuse(res, 401, "Accesso richiesto", "Per modificare i dati occorre accedere.");
    } else {
      refuse(res, 403, "Accesso negato", "Il tuo account non ha i permessi per questa operazione.");
    }
  } catch (error) {
    next(error);
  }
}

type Verdict = "allow" | "sign-in" | "forbidden" | "not-found";

/**
 * A same-origin form post refused for its session or permission: answered (401 or 403) with
 * a page that keeps what was typed. False when the body is not a form that can be kept.
 */
async function keepRefusedForm(req: Request, res: Response, verdict: Verdict): Promise<boolean> {
  const action = safeReturnPath(req.originalUrl.replace(/\.data(\?|$)/, "$1"), "http://x");
  const kept = await readRefusedForm(req, action, readConfig().uploadMaxBytes);
  if (!kept) return false;
  const status = verdict === "sign-in" ? 401 : 403;
  res
    .status(status)
    .type("html")
    .set("Cache-Control", "no-store")
    .send(keptFormPageHtml(status, kept));
  return true;
}

function decide(requirement: Requirement, user: SessionUser | null): Verdict {
  if (requirement.kind === "public") return "allow";
  if (requirement.kind === "forbidden") return user ? "forbidden" : "sign-in";
  if (!user) return "sign-in";
  switch (requirement.kind) {
    case "signed-in":
      return "allow";
    case "admin":
      return user.role === "admin" ? "allow" : "forbidden";
    case "unione":
      return canAccessUnione(user, requirement.unioneId) ? "allow" : "forbidden";
    case "comune":
    case "progetto": {
      const scope =
        requirement.kind === "comune"
          ? comuneScope(requirement.comuneId)
          : progettoScope(requirement.progettoId);
      if (!scope) return user.role === "admin" ? "not-found" : "forbidden";
      return (requirement.write ? canWrite : canRead)(user, scope) ? "allow" : "forbidden";
    }
  }
}

function comuneScope(comuneId: number): Scope | null {
  const row = getDb()
    .select({ unioneId: comune.unioneId })
    .from(comune)
    .where(eq(comune.id, comuneId))
    .get();
  return row ? { comuneId, unioneId: row.unioneId } : null;
}

function progettoScope(progettoId: number): Scope | null {
  const row = getDb()
    .select({ comuneId: comune.id, unioneId: comune.unioneId })
    .from(progetto)
    .innerJoin(comune, eq(comune.id, progetto.comuneId))
    .where(eq(progetto.id, progettoId))
    .get();
  return row ?? null;
}

/** The Origin (or, lacking it, the Referer) must name this site. */
function sameOrigin(req: Request): boolean {
  return sameOriginAs(
    req.get("origin") ?? req.get("referer"),
    readConfig().publicUrl,
    req.get("host"),
  );
}

export function refuse(res: Response, status: number, title: string, message: string): void {
  res
    .status(status)
    .type("html")
    .send(errorPageHtml(status, title, message));
}
