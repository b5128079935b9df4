import { spawnSync } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedDemoData } from "../../scripts/seeds/demo";
import { createTempDatabase, type TempDatabase } from "../support/temp-db";

let t: TempDatabase;
beforeEach(() => {
  t = createTempDatabase();
  seedDemoData({ db: t.db, filesDir: t.filesDir, today: "2026-11-22" });
});
afterEach(() => t.cleanup());

function run(...args: string[]) {
  const result = spawnSync("npx", ["tsx", "scripts/user-create.ts", ...args], {
    env: { ...process.env, CRUSCOTTO_DATA_DIR: t.dir },
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run user:create", () => {
  it("creates the first admin and prints a one-time password", () => {
    const result = run(
      "--email",
      "Admin@Comune.Example.it",
      "--role",
      "admin",
      "--name",
      "Prima Admin",
    );
    expect(result.stderr).not.toContain("Errore");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Creato l'utente admin@comune.example.it (admin");
    expect(result.stdout).toMatch(/Password temporanea: \S{23}/);
    const row = t.sqlite
      .prepare("select role, password_hash from utente where email = ?")
      .get("admin@comune.example.it");
    expect(row).toMatchObject({ role: "admin" });
  }, 30_000);

  it("creates an editor for comuni named by codice ISTAT", () => {
    const result = run(
      "--email",
      "rup@sml.example.it",
      "--role",
      "editor",
      "--comune",
      "010054",
      "--password",
      "una-password-robusta",
    );
    expect(result.status).toBe(0);
    expect(result.stdout).not.toContain("Password temporanea");
    const comuni = t.sqlite
      .prepare(
        "select c.name from utente_comune uc join comune c on c.id = uc.comune_id join utente u on u.id = uc.utente_id where u.email = ?",
      )
      .all("rup@sml.example.it");
    expect(comuni).toEqual([{ name: "Santa Margherita Ligure" }]);
  }, 30_000);

  it("fails with a precise message and creates nothing on bad input", () => {
    const cases: [string[], string][] = [
      [["--email", "x@example.it", "--role", "capo"], "--role: Scegliere un ruolo"],
      [["--email", "x@example.it", "--role", "editor"], "--comuneIds: Assegnare almeno un comune"],
      [
        ["--email", "x@example.it", "--role", "editor", "--comune", "999999"],
        "Comuni non trovati (codice ISTAT): 999999",
      ],
      [
        ["--email", "x@example.it", "--role", "admin", "--password", "corta"],
        "--password: La password deve avere almeno 12 caratteri",
      ],
      [["--email", "x@example.it", "--role", "admin", "--bogus"], "Unknown option '--bogus'"],
    ];
    for (const [args, message] of cases) {
      const result = run(...args);
      expect(result.status, args.join(" ")).toBe(1);
      expect(result.stderr).toContain(message);
    }
    expect(t.sqlite.prepare("select count(*) n from utente").get()).toEqual({ n: 0 });
  }, 60_000);

  it("refuses an e-mail that already has an account", () => {
    expect(
      run("--email", "a@example.it", "--role", "admin", "--password", "una-password-robusta")
        .status,
    ).toBe(0);
    const again = run(
      "--email",
      "A@example.it",
      "--role",
      "admin",
      "--password",
      "una-password-robusta",
    );
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("Esiste già un account con l'email a@example.it");
  }, 30_000);
});
