/**
 * The route table as files, and who may see what: what tests generate their matrices from
 * (the access matrix, the layout of every page).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { RunningApp } from "./app-server";
import type { DemoRole } from "./http";

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

/** How each route decides who may see it; the matrix derives every expectation from this. */
export type Access =
  | "public" // anyone, no record
  | "sign-in" // the sign-in page itself
  | "signed-in" // any account, no record of a comune in the URL
  | "home" // "/": the dashboard for any account, the public list of comuni for anyone else
  | "admin"
  | "comune" // params.id is a comune, read to see
  | "comune-write" // params.id is a comune, write to see (creating a progetto)
  | "progetto" // params.id is a progetto (other params: "new" words)
  | "documento" // params.id progetto, params.documentoId one of its documents
  | "unione"
  | "calendario-comune" // secret key of the user + comune id
  | "calendario-unione"
  | "attuazione-comune" // public page of a comune by ISTAT code
  | "attuazione-progetto"
  | "attuazione-documento" // only documents marked publishable
  | "catch-all" // any other path: sign in, then "Pagina non trovata"
  // Confirmation pages (a delete asks first): what they confirm comes in the query, so the
  // plain URL is a 404 to whoever may write the record, and the usual refusal to the others.
  | "conferma-progetto"
  | "conferma-unione";

export const ROUTE_ACCESS: Record<string, Access> = {
  "$.tsx": "catch-all",
  "_index.tsx": "home",
  "accedi.tsx": "sign-in",
  "account.password.tsx": "signed-in",
  "admin.avvisi.$id.tsx": "admin",
  "admin.avvisi._index.tsx": "admin",
  "admin.backup.tsx": "admin",
  "admin.backup_.$id.tsx": "admin",
  "admin.importa.tsx": "admin",
  "admin.utenti.$id.tsx": "admin",
  "admin.utenti._index.tsx": "admin",
  "attuazione._index.tsx": "public",
  "attuazione.$istat.tsx": "attuazione-comune",
  "attuazione.$istat_.dati[.]csv.tsx": "attuazione-comune",
  "attuazione.$istat_.dati[.]json.tsx": "attuazione-comune",
  "attuazione.$istat_.progetti.$id.tsx": "attuazione-progetto",
  "attuazione.$istat_.progetti.$id_.dati[.]json.tsx": "attuazione-progetto",
  "attuazione.$istat_.progetti.$id_.documenti.$documentoId.tsx": "attuazione-documento",
  "calendario.$key.comuni.$id[.]ics.tsx": "calendario-comune",
  "calendario.$key.unioni.$id[.]ics.tsx": "calendario-unione",
  "comuni.$id.tsx": "comune",
  "comuni.$id_.progetti.nuovo.tsx": "comune-write",
  "esci.tsx": "signed-in",
  "healthz.tsx": "public",
  "nazionale.tsx": "signed-in",
  "progetti.$id._index.tsx": "progetto",
  "progetti.$id.candidatura.tsx": "progetto",
  "progetti.$id.completamento.tsx": "progetto",
  "progetti.$id.conformita.tsx": "progetto",
  "progetti.$id.decreto.tsx": "progetto",
  "progetti.$id.determine.$determinaId.tsx": "progetto",
  "progetti.$id.documenti.$documentoId.tsx": "documento",
  "progetti.$id.documenti._index.tsx": "progetto",
  "progetti.$id.elimina.tsx": "conferma-progetto",
  "progetti.$id.eventi.$eventoId.tsx": "progetto",
  "progetti.$id.istanze.$istanzaId.tsx": "progetto",
  "progetti.$id.proroghe.$prorogaId.tsx": "progetto",
  "progetti.$id.scadenze-piattaforma.tsx": "progetto",
  "progetti.$id_.dossier.tsx": "progetto",
  "progetti.$id_.dossier[.]zip.tsx": "progetto",
  "progetti.$id.titolo.tsx": "progetto",
  "riconciliazione.tsx": "signed-in",
  "riconciliazione[.]csv.tsx": "signed-in",
  "scadenze.tsx": "signed-in",
  "scadenze[.]csv.tsx": "signed-in",
  "unioni.$id.tsx": "unione",
  "unioni.$id_.confronto-dati[.]csv.tsx": "unione",
  "unioni.$id_.confronto[.]csv.tsx": "unione",
  "unioni.$id_.confronto[.]json.tsx": "unione",
  "unioni.$id_.rimuovi.tsx": "conferma-unione",
  "unioni.$id_.stampa.tsx": "unione",
  "unioni._index.tsx": "signed-in",
};

export type Role = "anonymous" | DemoRole;
export const ROLES: Role[] = ["anonymous", "lettore", "editor", "coordinatore", "admin"];

export interface Fixture {
  comune: { id: number; name: string; istat: string };
  progetto: { id: number; cup: string; title: string };
  documento: { id: number; name: string };
}

/** The records the cases' URLs name, added to a running app's demo database. */
export interface RouteFixtures {
  fixtures: Record<"sml" | "pisa" | "cesena", Fixture>;
  valleDelSavio: number;
  otherUnione: number;
  publishedDoc: number;
  unpublishedDoc: number;
  backupJob: number;
  /** Each role's calendar key (its Scadenze page shows it); anonymous has a made-up one. */
  calendarKeys: Map<Role, string>;
}

export const MISSING = 999_999;

/** Adds the records (an unpublished and a published document, a second Unione, a finished backup). */
export function seedRouteFixtures(app: RunningApp): Omit<RouteFixtures, "calendarKeys"> {
  const db = new Database(app.databaseFile);
  const one = <T>(sql: string, ...p: unknown[]) => db.prepare(sql).get(...p) as T;
  const make = (name: string, cup: string): Fixture => {
    const c = one<{ id: number; istat: string }>(
      "select id, codice_istat istat from comune where name = ?",
      name,
    );
    const p = one<{ id: number; title: string }>(
      "select id, title from progetto where cup = ?",
      cup,
    );
    const template = one<Record<string, unknown>>("select * from documento limit 1");
    const docName = `matrice-${c.istat}.pdf`;
    const inserted = db
      .prepare(
        "insert into documento (progetto_id, step, title, original_name, sha256, size_bytes, media_type, publishable) values (?, 'altro', ?, ?, ?, ?, ?, 0)",
      )
      .run(
        p.id,
        `Allegato ${name}`,
        docName,
        template.sha256,
        template.size_bytes,
        template.media_type,
      );
    return {
      comune: { id: c.id, name, istat: c.istat },
      progetto: { id: p.id, cup, title: p.title },
      documento: { id: Number(inserted.lastInsertRowid), name: docName },
    };
  };
  const fixtures = {
    sml: make("Santa Margherita Ligure", "G51F22003070006"),
    pisa: make("Pisa", "J51F22000540006"),
    cesena: make("Cesena", "D11F22000360006"),
  };
  const valleDelSavio = one<{ id: number }>(
    "select unione_id id from comune where name = 'Cesena'",
  ).id;
  const otherUnione = Number(
    db.prepare("insert into unione (name) values ('Unione di prova della matrice')").run()
      .lastInsertRowid,
  );
  const publishedDoc = Number(
    db
      .prepare(
        "insert into documento (progetto_id, step, title, original_name, sha256, size_bytes, media_type, publishable) select progetto_id, 'altro', 'Pubblico', 'pubblico-matrice.pdf', sha256, size_bytes, media_type, 1 from documento where id = ?",
      )
      .run(fixtures.sml.documento.id).lastInsertRowid,
  );
  // A finished backup, for its download route.
  mkdirSync(path.join(app.dataDir, "backups"));
  writeFileSync(path.join(app.dataDir, "backups", "matrice.tar.gz"), "archivio");
  const backupJob = Number(
    db
      .prepare(
        "insert into job (kind, state, lock, started_by, params, report) values ('backup', 'riuscito', 'dati', 'admin@cruscotto.example', '{}', ?)",
      )
      .run(JSON.stringify({ file: "matrice.tar.gz", size: 8, files: 0, notice: null }))
      .lastInsertRowid,
  );
  db.close();
  return {
    fixtures,
    valleDelSavio,
    otherUnione,
    publishedDoc,
    unpublishedDoc: fixtures.sml.documento.id,
    backupJob,
  };
}

/** The comune each role may read ("in"), and one it may not ("out"). */
function comuneFor(ctx: RouteFixtures, role: Role, scope: "in" | "out"): Fixture | null {
  const { fixtures } = ctx;
  const inScope: Record<Role, Fixture | null> = {
    anonymous: null,
    lettore: fixtures.pisa,
    editor: fixtures.sml,
    coordinatore: fixtures.cesena,
    admin: fixtures.sml,
  };
  const outScope: Record<Role, Fixture | null> = {
    anonymous: fixtures.sml,
    lettore: fixtures.sml,
    editor: fixtures.pisa,
    coordinatore: fixtures.pisa,
    admin: null, // an admin sees everything: "out" is a record that does not exist
  };
  return scope === "in" ? inScope[role] : outScope[role];
}

export interface Case {
  file: string;
  role: Role;
  scope: "in" | "out";
  url: string;
  params: Record<string, string>;
  /** What the plain GET must answer. */
  expected: number;
  /** Text that only the record's own page contains. */
  /** Texts of which the record's own answer shows at least one, and a refusal none. */
  markers: string[];
}

const missingFixture: Fixture = {
  comune: { id: MISSING, name: "__assente__", istat: "000000" },
  progetto: { id: MISSING, cup: "__assente__", title: "__assente__" },
  documento: { id: MISSING, name: "__assente__" },
};

export function buildCase(
  ctx: RouteFixtures,
  file: string,
  access: Access,
  role: Role,
  scope: "in" | "out",
): Case | null {
  const { fixtures, valleDelSavio, otherUnione, publishedDoc, unpublishedDoc, backupJob } = ctx;
  const pattern = routePattern(file);
  const signedIn = role !== "anonymous";
  const unauthenticated = signedIn ? null : 303;
  const f = comuneFor(ctx, role, scope) ?? (scope === "in" ? null : missingFixture);
  let params: Record<string, string> = {};
  let expected: number;
  let markers: string[] = [];
  switch (access) {
    case "catch-all":
      if (scope === "out") return null;
      params = { "*": "pagina-inesistente" };
      expected = unauthenticated ?? 404;
      break;
    case "home":
      if (scope === "out") return null;
      expected = signedIn ? 200 : 302;
      break;
    case "public":
    case "sign-in":
    case "signed-in":
    case "admin":
      if (scope === "out") return null; // no record in the URL
      expected =
        access === "public"
          ? 200
          : access === "sign-in"
            ? signedIn
              ? 302
              : 200
            : (unauthenticated ?? (access === "admin" && role !== "admin" ? 403 : 200));
      if (file === "esci.tsx") expected = signedIn ? 302 : 303;
      if (file === "admin.utenti.$id.tsx" || file === "admin.avvisi.$id.tsx") params = { id: "1" };
      if (file === "admin.backup_.$id.tsx") params = { id: String(backupJob) };
      break;
    case "comune":
    case "comune-write":
    case "progetto":
    case "documento": {
      if (!f) return null;
      params = {
        id: String(access.startsWith("comune") ? f.comune.id : f.progetto.id),
        documentoId: String(f.documento.id),
        determinaId: "nuova",
        istanzaId: "nuova",
        eventoId: "nuovo",
        prorogaId: "nuova",
      };
      const allowed =
        scope === "in" && signedIn && !(access === "comune-write" && role === "lettore");
      expected = unauthenticated ?? (allowed ? 200 : f === missingFixture ? 404 : 403);
      markers = access.startsWith("comune")
        ? [f.comune.name]
        : access === "documento"
          ? [f.documento.name]
          : [f.progetto.cup, f.progetto.title];
      break;
    }
    case "conferma-progetto": {
      if (!f) return null;
      params = { id: String(f.progetto.id) };
      const writer = scope === "in" && signedIn && role !== "lettore";
      expected = unauthenticated ?? (writer || f === missingFixture ? 404 : 403);
      break;
    }
    case "conferma-unione":
    case "unione": {
      const mine = role === "coordinatore" || role === "admin";
      const id =
        scope === "in"
          ? valleDelSavio
          : role === "admin"
            ? MISSING
            : mine
              ? otherUnione
              : valleDelSavio;
      if (scope === "in" && !mine && signedIn) return null; // no Unione is theirs
      params = { id: String(id) };
      const found = access === "conferma-unione" ? 404 : 200;
      expected = unauthenticated ?? (scope === "in" ? found : id === MISSING ? 404 : 403);
      markers =
        access === "conferma-unione"
          ? []
          : id === valleDelSavio
            ? ["Valle del Savio", "Cesena"]
            : ["Unione di prova della matrice"];
      break;
    }
    case "calendario-comune":
    case "calendario-unione": {
      const key = ctx.calendarKeys.get(role) as string;
      if (access === "calendario-comune") {
        if (!f) return null;
        params = { key, id: String(f.comune.id) };
        markers = [f.comune.name];
      } else {
        const mine = role === "coordinatore" || role === "admin";
        if (scope === "in" && !mine) return null;
        const out = role === "admin" ? MISSING : otherUnione;
        params = { key, id: String(scope === "in" ? valleDelSavio : out) };
        markers = [scope === "in" ? "Valle del Savio" : "Unione di prova della matrice"];
      }
      expected = scope === "in" && signedIn ? 200 : 404;
      break;
    }
    case "attuazione-comune":
    case "attuazione-progetto":
    case "attuazione-documento": {
      // The same for everyone: "out" is another comune's record under this comune's code.
      const sml = fixtures.sml;
      params = {
        istat: sml.comune.istat,
        id: String(scope === "in" ? sml.progetto.id : fixtures.pisa.progetto.id),
        documentoId: String(scope === "in" ? publishedDoc : unpublishedDoc),
      };
      if (access === "attuazione-comune" && scope === "out") params.istat = "000000";
      expected = scope === "in" ? 200 : 404;
      markers = [
        access === "attuazione-comune"
          ? sml.comune.name
          : access === "attuazione-progetto"
            ? scope === "in"
              ? sml.progetto.cup
              : fixtures.pisa.progetto.cup
            : scope === "in"
              ? "pubblico-matrice.pdf"
              : sml.documento.name,
      ];
      break;
    }
  }
  const url = pattern.replace(/:([A-Za-z]+)|\*/g, (found: string, name?: string) => {
    if (found === "*") return params["*"] as string;
    const value = params[name as string];
    if (value === undefined) throw new Error(`${file}: no value for :${name}`);
    return value;
  });
  return { file, role, scope, url, params, expected, markers };
}

/** Every route file × every role × in and out of its scope, as far as the case exists. */
export const routeCases = (ctx: RouteFixtures): Case[] =>
  Object.entries(ROUTE_ACCESS).flatMap(([file, access]) =>
    ROLES.flatMap((role) =>
      (["in", "out"] as const)
        .map((scope) => buildCase(ctx, file, access, role, scope))
        .filter((c): c is Case => c !== null),
    ),
  );
