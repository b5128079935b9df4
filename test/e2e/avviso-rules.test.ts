/**
 * Every measure is a first-class progetto (decision 009): a progetto of an avviso whose rules
 * our sources do not give follows the dates the platform shows, the changes of deadline the
 * RUP records, and the last date an administrator sets on the avviso, on its page, in
 * Scadenze and in the calendar feed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../support/app-server";
import { comuneId, get, post, query, signInAs } from "../support/http";

let app: RunningApp;
let editor: string;
let admin: string;
let progettoId: number;
let avvisoId: number;
const CUP = "G51F22009990006";

beforeAll(async () => {
  app = await startApp({
    today: "2026-11-22",
    prepare: (db) => {
      const sqlite = db.$client;
      avvisoId = Number(
        sqlite
          .prepare(
            "insert into avviso (title, misura, target, window_label) values ('1.2 Abilitazione al cloud - Comuni - Aprile 2022', '1.2', 'Comuni', 'Aprile 2022')",
          )
          .run().lastInsertRowid,
      );
      const comune = sqlite
        .prepare("select id from comune where name = 'Santa Margherita Ligure'")
        .get() as { id: number };
      progettoId = Number(
        sqlite
          .prepare(
            "insert into progetto (comune_id, avviso_id, misura, title, cup, beneficiary_name, official_state) values (?, ?, '1.2', 'Migrazione al cloud', ?, 'Comune di Santa Margherita Ligure', 'A')",
          )
          .run(comune.id, avvisoId, CUP).lastInsertRowid,
      );
      sqlite
        .prepare(
          "insert into decreto (progetto_id, number, decree_on, notified_on) values (?, '28 - 1 / 2022', '2022-07-01', '2022-07-20')",
        )
        .run(progettoId);
    },
  });
  editor = await signInAs(app, "editor");
  admin = await signInAs(app, "admin");
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

async function page(path: string, cookie = editor): Promise<string> {
  const response = await get(app, path, cookie);
  expect(response.status, path).toBe(200);
  return response.text();
}

/** Posts a progetto's form with the version the form shows. */
async function submit(path: string, fields: Record<string, string>) {
  const version = /name="version" value="([^"]*)"/.exec(await page(path))?.[1] ?? "";
  return post(app, path, { ...fields, version: version.replaceAll("&amp;", "&") }, editor);
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replaceAll("&#x27;", "'")
    .replace(/\s+/g, " ");

describe("a progetto of a measure whose rules are not in our sources", () => {
  it("asks for the platform's dates, then shows them on its page, in Scadenze and in the calendar", async () => {
    expect(text(await page(`/progetti/${progettoId}`))).toContain(
      "Le regole di questo avviso non sono note",
    );
    const saved = await submit(`/progetti/${progettoId}/scadenze-piattaforma`, {
      platformContractDue: "2026-12-10",
      platformCompletionDue: "2027-06-30",
    });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe(`/progetti/${progettoId}?salvato=1`);

    const shown = text(await page(`/progetti/${progettoId}`));
    expect(shown).toContain("Contrattualizzazione fornitore: entro il 10/12/2026");
    expect(shown).toContain("A rischio (18 giorni rimasti)");
    expect(shown).toContain("Completamento attività: entro il 30/06/2027");

    const scadenze = await page("/scadenze");
    expect(scadenze).toContain(CUP);
    const key = /\/calendario\/([0-9]+-[A-Za-z0-9_-]{32})\//.exec(scadenze)?.[1];
    const sml = comuneId(app, "Santa Margherita Ligure");
    const feed = await (await get(app, `/calendario/${key}/comuni/${sml}.ics`, null)).text();
    expect(feed.replace(/\r\n /g, "")).toContain(
      "SUMMARY:PNRR 1.2 – Contrattualizzazione fornitore: Comune di Santa Margherita Ligure",
    );
  });

  it("refuses a wrong date order in Italian", async () => {
    const refused = await submit(`/progetti/${progettoId}/scadenze-piattaforma`, {
      platformContractDue: "2027-01-10",
      platformCompletionDue: "2026-12-31",
    });
    expect(refused.status).toBe(200);
    expect(await refused.text()).toContain(
      "Il completamento non può scadere prima della contrattualizzazione",
    );
  });

  it("moves the contract deadline by a proroga via PEC, and completion with it", async () => {
    const saved = await submit(`/progetti/${progettoId}/proroghe/nuova`, {
      kind: "richiesta-pec",
      deadlineKind: "contract",
      grantedOn: "2026-11-20",
      days: "30",
      until: "",
      note: "PEC prot. 4512",
    });
    expect(saved.status).toBe(302);
    const shown = text(await page(`/progetti/${progettoId}`));
    expect(shown).toContain(
      "Contrattualizzazione fornitore: entro il 09/01/2027 — prorogata; scadenza originaria 10/12/2026",
    );
    expect(shown).toContain("Completamento attività: entro il 30/07/2027");
    expect(shown).toContain(
      "Proroga richiesta via PEC (contrattualizzazione fornitore) del 20/11/2026: 30 giorni in più — PEC prot. 4512",
    );
    const [audit] = query<{ n: number }>(
      app,
      // This progetto's: the demo records proroghe of its own.
      "select count(*) n from audit_log a join proroga p on p.id = a.entity_id where a.entity = 'proroga' and a.action = 'create' and p.progetto_id = ?",
      progettoId,
    );
    expect(audit?.n).toBe(1);
  });

  it("refuses a quarterly slot without a signed contract", async () => {
    const refused = await submit(`/progetti/${progettoId}/proroghe/nuova`, {
      kind: "slot-trimestrale",
      deadlineKind: "completion",
      grantedOn: "2026-11-21",
      days: "",
      until: "2027-09-30",
      note: "",
    });
    expect(refused.status).toBe(200);
    expect(await refused.text()).toContain("Lo slot trimestrale richiede un contratto già firmato");
  });
});

describe("an administrator edits an avviso's rules", () => {
  const rules = (over: Record<string, string>) => ({
    rules: "",
    contractFrom: "",
    contractDaysSmall: "",
    contractDaysLarge: "",
    completionFrom: "",
    completionDaysSmall: "",
    completionDaysLarge: "",
    finalDeadline: "",
    rulesSource: "",
    ...over,
  });

  it("lists every avviso with its rules", async () => {
    const list = text(await page("/admin/avvisi", admin));
    expect(list).toContain("1.4.1 Esperienza del Cittadino - Comuni - Aprile 2022");
    expect(list).toContain("270 giorni dalla notifica del decreto (180 fino a 5.000 abitanti)");
    expect(list).toContain("1.2 Abilitazione al cloud - Comuni - Aprile 2022");
  });

  it("sets a last date no deadline passes, with an audit entry", async () => {
    const saved = await post(
      app,
      `/admin/avvisi/${avvisoId}`,
      rules({ finalDeadline: "2027-03-31", rulesSource: "Comunicazione di prova" }),
      admin,
    );
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain("Regole salvate");
    const [entry] = query<{ after: string }>(
      app,
      "select after from audit_log where entity = 'avviso' and entity_id = ?",
      avvisoId,
    );
    expect(JSON.parse(entry?.after ?? "{}")).toMatchObject({ finalDeadline: "2027-03-31" });
    const shown = text(await page(`/progetti/${progettoId}`));
    expect(shown).toContain(
      "Completamento attività: entro il 31/03/2027 — limitata alla data ultima fissata per l'avviso",
    );
  });

  it("refuses days without a starting point, and anyone but an administrator", async () => {
    const refused = await post(
      app,
      `/admin/avvisi/${avvisoId}`,
      rules({ contractFrom: "notifica", contractDaysLarge: "270" }),
      admin,
    );
    expect(await refused.text()).toContain("Indicare i giorni fino a 5.000 abitanti");
    const forbidden = await post(app, `/admin/avvisi/${avvisoId}`, rules({}), editor);
    expect(forbidden.status).toBe(403);
  });
});
