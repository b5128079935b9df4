/**
 * The layers' boundaries, checked on every import of app/: the domain is pure rules, pages'
 * components never reach the models, and only server modules touch the database. A new
 * import that crosses a boundary fails `npm test` with the file and the import.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const APP = path.join(ROOT, "app");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return filesUnder(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

interface Import {
  file: string;
  specifier: string;
  /** The imported file inside the repository, or null for a package. */
  target: string | null;
}

function importsOf(file: string): Import[] {
  const source = readFileSync(file, "utf8");
  const found: Import[] = [];
  for (const match of source.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"/g)) {
    const specifier = match[1] as string;
    // Type-only imports erase at build time and carry no dependency at run time.
    if (/^\s*(?:import|export)\s+type\s/.test(match[0])) continue;
    const bare = specifier.split("?")[0] as string;
    const target = bare.startsWith("~/")
      ? path.join(APP, bare.slice(2))
      : bare.startsWith(".")
        ? path.resolve(path.dirname(file), bare)
        : null;
    found.push({ file: path.relative(ROOT, file), specifier, target });
  }
  return found;
}

const all = filesUnder(APP).flatMap(importsOf);
const inside = (target: string | null, ...dirs: string[]) =>
  target !== null &&
  dirs.some(
    (d) => target.startsWith(path.join(ROOT, d) + path.sep) || target === path.join(ROOT, d),
  );
const isServer = (file: string) => /\.server\.tsx?$/.test(file);
const DATABASE_PACKAGES = ["better-sqlite3", "drizzle-orm"];
const describeImport = (i: Import) => `${i.file} → ${i.specifier}`;

/** Each boundary as a test of one import. */
const crossesDomain = (i: Import) =>
  i.file.startsWith("app/domain/") &&
  (i.target === null
    ? i.specifier.startsWith("node:") || !["dayjs"].includes(i.specifier.split("/")[0] ?? "")
    : !inside(i.target, "app/domain"));
const componentReachesModels = (i: Import) =>
  i.file.endsWith(".tsx") &&
  !i.file.startsWith("app/routes/") &&
  !isServer(i.file) &&
  (inside(i.target, "app/models", "db") || (i.target !== null && isServer(i.target)));
const clientTouchesDatabase = (i: Import) =>
  !isServer(i.file) &&
  !i.file.startsWith("app/routes/") &&
  (DATABASE_PACKAGES.includes(i.specifier) ||
    inside(i.target, "db", "app/models") ||
    i.target?.endsWith(`${path.sep}db.server`) === true);

describe("layer boundaries", () => {
  it("keeps app/domain to rules: no I/O, no database, no other layer", () => {
    expect(all.filter(crossesDomain).map(describeImport)).toEqual([]);
  });

  it("keeps components away from the models and the server", () => {
    expect(all.filter(componentReachesModels).map(describeImport)).toEqual([]);
  });

  it("lets only server modules (and route modules, whose loaders Remix strips) touch the database", () => {
    expect(all.filter(clientTouchesDatabase).map(describeImport)).toEqual([]);
  });

  it("recognises a crossing of each boundary", () => {
    const at = (file: string, specifier: string, target: string | null): Import => ({
      file,
      specifier,
      target: target && path.join(ROOT, target),
    });
    expect(crossesDomain(at("app/domain/x.ts", "node:fs", null))).toBe(true);
    expect(crossesDomain(at("app/domain/x.ts", "zod", null))).toBe(true);
    expect(crossesDomain(at("app/domain/x.ts", "../models/y.server", "app/models/y.server"))).toBe(
      true,
    );
    expect(crossesDomain(at("app/domain/x.ts", "./dates", "app/domain/dates"))).toBe(false);
    expect(
      componentReachesModels(
        at("app/components/A.tsx", "~/models/b.server", "app/models/b.server"),
      ),
    ).toBe(true);
    expect(clientTouchesDatabase(at("app/components/a.ts", "drizzle-orm", null))).toBe(true);
    expect(clientTouchesDatabase(at("app/infra/a.server.ts", "drizzle-orm", null))).toBe(false);
  });

  it("finds the imports it checks", () => {
    expect(all.length).toBeGreaterThan(200);
    expect(all.some((i) => i.specifier === "drizzle-orm")).toBe(true);
  });
});
