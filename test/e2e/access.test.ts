import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACCOUNTS } from "../../scripts/seeds/demo-users";
import { type RunningApp, startApp } from "../support/app-server";
import { comuneId, get, post, query, signIn, signInAs } from "../support/http";

let app: RunningApp;
let sml: number;
let pisa: number;
let cesena: number;
let smlProgetto: number;

beforeAll(async () => {
  app = await startApp();
  sml = comuneId(app, "Santa Margherita Ligure");
  pisa = comuneId(app, "Pisa");
  cesena = comuneId(app, "Cesena");
  [{ id: smlProgetto }] = query<{ id: number }>(
    app,
    "select id from progetto where cup = 'G51F22003070006'",
  ) as [{ id: number }];
});
afterAll(() => app?.stop());

const population = (id: number) =>
  query<{ population: number }>(app, "select population from comune where id = ?", id)[0]
    ?.population;
const auditCount = () => query<{ n: number }>(app, "select count(*) n from audit_log")[0]?.n;
const newPopulation = { population: "9.800", populationDate: "2024-01-01" };

describe("an anonymous visitor", () => {
  it("is refused on every editing route and changes nothing", async () => {
    const before = auditCount();
    const paths = [
      `/comuni/${sml}`,
      `/comuni/${sml}.data`,
      `/progetti/${smlProgetto}/decreto`,
      "/unioni/1",
      "/admin/utenti",
      "/account/password",
      "/esci-non-esiste",
    ];
    for (const path of paths) {
      const response = await post(app, path, newPopulation, null);
      expect(response.status, path).toBe(401);
      await expect(response.text()).resolves.toContain("Per modificare i dati occorre accedere");
    }
    expect(population(sml)).toBe(9_709);
    expect(auditCount()).toBe(before);
  });

  it("is sent to the sign-in page from private pages, and from / to the public pages", async () => {
    const response = await get(app, "/scadenze", null);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/accedi?ritorno=%2Fscadenze");
    const home = await get(app, "/", null);
    expect(home.status).toBe(302);
    expect(home.headers.get("location")).toBe("/attuazione");
    expect((await get(app, "/_root.data", null)).status).not.toBe(200);
  });
});

describe("an editor of Santa Margherita Ligure", () => {
  let cookie: string;
  beforeAll(async () => {
    cookie = await signInAs(app, "editor");
  });

  it("edits the own comune, and the audit log records who changed what", async () => {
    const response = await post(app, `/comuni/${sml}`, newPopulation, cookie);
    expect(response.status).toBe(200);
    expect(population(sml)).toBe(9_800);
    const [entry] = query<{
      actor: string;
      entity: string;
      before: string;
      after: string;
      at: string;
    }>(
      app,
      "select actor, entity, before, after, at from audit_log where entity = 'comune' and entity_id = ? order by id desc limit 1",
      sml,
    );
    expect(entry?.actor).toBe("editor@cruscotto.example");
    expect(JSON.parse(entry?.before ?? "{}")).toMatchObject({
      population: 9_709,
      populationDate: "2011-10-09",
    });
    expect(JSON.parse(entry?.after ?? "{}")).toMatchObject({
      population: 9_800,
      populationDate: "2024-01-01",
    });
    expect(entry?.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it("gets 403 on another comune's records, for reading and writing", async () => {
    for (const path of [`/comuni/${pisa}`, `/comuni/${pisa}.data`]) {
      expect((await post(app, path, newPopulation, cookie)).status, path).toBe(403);
    }
    expect((await get(app, `/comuni/${pisa}`, cookie)).status).toBe(403);
    expect(population(pisa)).toBe(85_858);
  });

  it("gets 403 on the admin pages", async () => {
    expect((await get(app, "/admin/utenti", cookie)).status).toBe(403);
    const create = { intent: "create", email: "x@example.it", name: "X", role: "admin" };
    expect((await post(app, "/admin/utenti", create, cookie)).status).toBe(403);
    expect(query(app, "select id from utente where email = 'x@example.it'")).toEqual([]);
  });

  it("sees only the own comune's progetti", async () => {
    const html = await (await get(app, "/", cookie)).text();
    expect(html).toContain("Santa Margherita Ligure");
    expect(html).not.toContain("Pisa");
  });

  it("cannot be made to post from another site", async () => {
    for (const origin of ["http://evil.example", null]) {
      const response = await post(
        app,
        `/comuni/${sml}`,
        { population: "1", populationDate: "2024-01-01" },
        cookie,
        origin,
      );
      expect(response.status, String(origin)).toBe(403);
    }
    expect(population(sml)).toBe(9_800);
  });

  it("gets the Italian error next to the field for bad input, and nothing is stored", async () => {
    const response = await post(
      app,
      `/comuni/${sml}`,
      { population: "novemila", populationDate: "2024-01-01" },
      cookie,
    );
    expect(response.status).toBe(200);
    await expect(response.text()).resolves.toContain(
      "Inserire un numero intero, per esempio 9.709",
    );
    expect(population(sml)).toBe(9_800);
  });
});

describe("other roles", () => {
  it("let a coordinatore edit the Unione's comuni only", async () => {
    const cookie = await signInAs(app, "coordinatore");
    expect(
      (
        await post(
          app,
          `/comuni/${cesena}`,
          { population: "96.000", populationDate: "2024-01-01" },
          cookie,
        )
      ).status,
    ).toBe(200);
    expect(population(cesena)).toBe(96_000);
    expect((await post(app, `/comuni/${sml}`, newPopulation, cookie)).status).toBe(403);
  });

  it("let a lettore read the assigned comune but change nothing", async () => {
    const cookie = await signInAs(app, "lettore");
    expect((await get(app, `/comuni/${pisa}`, cookie)).status).toBe(200);
    expect(
      (
        await post(
          app,
          `/comuni/${pisa}`,
          { population: "1", populationDate: "2024-01-01" },
          cookie,
        )
      ).status,
    ).toBe(403);
    expect((await get(app, `/comuni/${sml}`, cookie)).status).toBe(403);
    expect(population(pisa)).toBe(85_858);
  });

  it("let an admin create an account, recorded in the audit log", async () => {
    const cookie = await signInAs(app, "admin");
    const response = await post(
      app,
      "/admin/utenti",
      {
        intent: "create",
        email: "Nuovo.Editor@Comune.Example.it",
        name: "Nuovo Editor",
        role: "editor",
        comuneIds: [String(pisa)],
      },
      cookie,
    );
    expect(response.status).toBe(200);
    const html = await response.text();
    const password = /Password temporanea:\s*(?:<!-- -->)?\s*<code>([^<]+)<\/code>/.exec(html)?.[1];
    expect(password).toBeDefined();
    const [created] = query<{ id: number; role: string }>(
      app,
      "select id, role from utente where email = 'nuovo.editor@comune.example.it'",
    );
    expect(created?.role).toBe("editor");
    const audit = query<{ actor: string; after: string }>(
      app,
      "select actor, after from audit_log where entity = 'utente' and entity_id = ?",
      created?.id,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor).toBe("admin@cruscotto.example");
    expect(audit[0]?.after).not.toContain("scrypt");
    // The new account signs in with the temporary password and reaches its comune.
    const newCookie = await signIn(app, "nuovo.editor@comune.example.it", password ?? "");
    expect((await get(app, `/comuni/${pisa}`, newCookie)).status).toBe(200);
  });

  it("refuses an account whose scope does not fit the role", async () => {
    const cookie = await signInAs(app, "admin");
    const response = await post(
      app,
      "/admin/utenti",
      { intent: "create", email: "c@example.it", name: "C", role: "coordinatore" },
      cookie,
    );
    await expect(response.text()).resolves.toContain("Un coordinatore deve avere un&#x27;Unione");
    expect(query(app, "select id from utente where email = 'c@example.it'")).toEqual([]);
  });
});

describe("an admin's own account", () => {
  it("cannot lose the admin role by the admin's own hand", async () => {
    const cookie = await signInAs(app, "admin");
    const [me] = query<{ id: number }>(
      app,
      "select id from utente where email = 'admin@cruscotto.example'",
    );
    const response = await post(
      app,
      `/admin/utenti/${me?.id}`,
      {
        intent: "update",
        email: "admin@cruscotto.example",
        name: "Admin",
        role: "editor",
        comuneIds: [String(sml)],
        active: "on",
      },
      cookie,
    );
    await expect(response.text()).resolves.toContain(
      "Non puoi togliere a te stesso il ruolo di amministratore",
    );
    expect(query(app, "select role from utente where id = ?", me?.id)).toEqual([{ role: "admin" }]);
  });
});

describe("signing in", () => {
  it("answers the same for an unknown e-mail and a wrong password", async () => {
    const unknown = await (
      await post(
        app,
        "/accedi",
        { email: "nessuno@example.it", password: "qualcosa-di-lungo" },
        null,
      )
    ).text();
    const wrong = await (
      await post(
        app,
        "/accedi",
        { email: "admin@cruscotto.example", password: "sbagliata-ma-lunga" },
        null,
      )
    ).text();
    const message = "Email o password non corretti.";
    expect(unknown).toContain(message);
    expect(wrong).toContain(message);
  });

  it("locks an account for a while after five failures, even with the right password", async () => {
    const editor = DEMO_ACCOUNTS.find((a) => a.role === "editor");
    for (let i = 0; i < 5; i++) {
      await post(
        app,
        "/accedi",
        { email: editor?.email ?? "", password: `sbagliata-${i}-xxxxx` },
        null,
      );
    }
    const response = await post(
      app,
      "/accedi",
      { email: editor?.email ?? "", password: editor?.password ?? "" },
      null,
    );
    expect(response.status).toBe(200);
    await expect(response.text()).resolves.toContain(
      "Troppi tentativi non riusciti. Riprova tra 15 minuti.",
    );
  });

  it("changes the password and closes the other sessions", async () => {
    const lettore = DEMO_ACCOUNTS.find((a) => a.role === "lettore");
    const first = await signIn(app, lettore?.email ?? "", lettore?.password ?? "");
    const second = await signIn(app, lettore?.email ?? "", lettore?.password ?? "");
    const response = await post(
      app,
      "/account/password",
      {
        current: lettore?.password ?? "",
        next: "una-nuova-password-lunga",
        confirm: "una-nuova-password-lunga",
      },
      second,
    );
    await expect(response.text()).resolves.toContain("Password cambiata");
    expect((await get(app, "/scadenze", first)).status).toBe(303);
    expect((await get(app, "/", second)).status).toBe(200);
    await signIn(app, lettore?.email ?? "", "una-nuova-password-lunga");
  });
});

describe("passwords", () => {
  it("never appear in clear in the database file or the server's output", () => {
    const files = [app.databaseFile, `${app.databaseFile}-wal`].map((f) => {
      try {
        return readFileSync(f).toString("latin1");
      } catch {
        return "";
      }
    });
    const secrets = [...DEMO_ACCOUNTS.map((a) => a.password), "una-nuova-password-lunga"];
    for (const secret of secrets) {
      for (const content of files) expect(content.includes(secret), secret).toBe(false);
      expect(app.output().includes(secret), secret).toBe(false);
    }
    const hashes = query<{ password_hash: string }>(app, "select password_hash from utente");
    for (const { password_hash } of hashes) expect(password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(JSON.stringify(query(app, "select before, after from audit_log"))).not.toContain(
      "scrypt$",
    );
  });
});
