/**
 * Guidance on the progetto page (issue 19): the next step, who does it and by when, one
 * button for it, the other step pages under "Altre azioni"; a reader sees the step, no button.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../support/app-server";
import { get, pageText, post, query, signInAs } from "../support/http";

let app: RunningApp;
let editor: string;
let lettore: string;

beforeAll(async () => {
  app = await startApp({ today: "2026-11-22" });
  editor = await signInAs(app, "editor");
  lettore = await signInAs(app, "lettore");
});
afterAll(() => app?.stop());

const progettoOf = (cup: string) =>
  query<{ id: number }>(app, "select id from progetto where cup = ?", cup)[0]?.id ?? 0;

/** The "Prossimo passo" section of a page, as HTML. */
function nextStepSection(html: string): string {
  const start = html.indexOf('aria-labelledby="prossimo-passo"');
  expect(start).toBeGreaterThan(0);
  return html.slice(start, html.indexOf("</section>", start));
}

describe("the progetto page says what comes next", () => {
  it("gives an editor the step, its actor, its date and one button for it", async () => {
    const id = progettoOf("G51F22003070006");
    const html = await (await get(app, `/progetti/${id}`, editor)).text();
    const section = nextStepSection(html);
    const text = pageText(section);
    expect(text).toMatch(/Prossimo passo/);
    expect(text).toMatch(/Chi/);
    expect(text).toMatch(/Entro/);
    // One button, the rest of the step pages under "Altre azioni".
    expect(section.match(/class="btn btn-primary"/g)).toHaveLength(1);
    expect(text).toContain("Altre azioni");
  });

  it("shows a reader the step without any button or action list", async () => {
    const [row] = query<{ id: number }>(
      app,
      "select p.id from progetto p join comune c on c.id = p.comune_id where c.codice_istat = '050026' limit 1",
    );
    const html = await (await get(app, `/progetti/${row?.id}`, lettore)).text();
    const section = nextStepSection(html);
    expect(section).not.toContain("btn btn-primary");
    expect(pageText(section)).not.toContain("Altre azioni");
  });
});

describe("completion is one form", () => {
  const countOf = (id: number, kinds: string) =>
    query<{ n: number }>(
      app,
      `select count(*) as n from evento where progetto_id = ? and kind in (${kinds})`,
      id,
    )[0]?.n ?? 0;
  const COMPLETION = "'sito-online','servizio-online','checklist-inviata'";
  const audited = (id: number) =>
    query<{ n: number }>(
      app,
      "select count(*) as n from audit_log where entity = 'evento' and entity_id in (select id from evento where progetto_id = ?)",
      id,
    )[0]?.n ?? 0;

  it("records the site, every service in force and the checklist in one submission, all or nothing", async () => {
    const id = progettoOf("G51F22003070006");
    const form = await (await get(app, `/progetti/${id}/completamento`, editor)).text();
    const services = [...form.matchAll(/name="(servizio-\d+)"/g)].map((m) => m[1] ?? "");
    // The substitution accepted in the demo is in force: four services, one date each.
    expect(services).toHaveLength(4);
    const version = /name="version" value="([^"]+)"/.exec(form)?.[1] ?? "";
    const dates = Object.fromEntries(services.map((s, i) => [s, `2024-06-1${i}`]));
    const fields = { version, sitoOnline: "2024-06-01", checklistInviata: "2024-06-20", ...dates };

    // One date in the future refuses the whole submission, naming that field.
    const [first] = services;
    const refused = await post(
      app,
      `/progetti/${id}/completamento`,
      { ...fields, [first ?? ""]: "2027-01-01" },
      editor,
    );
    expect(refused.status).toBe(200);
    const refusedText = pageText(await refused.text());
    expect(refusedText).toContain("C'è un errore");
    expect(countOf(id, COMPLETION)).toBe(0);

    const before = audited(id);
    const saved = await post(app, `/progetti/${id}/completamento`, fields, editor);
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe(`/progetti/${id}?salvato=1`);
    expect(countOf(id, COMPLETION)).toBe(6);
    expect(audited(id) - before).toBe(6);

    const page = pageText(await (await get(app, `/progetti/${id}`, editor)).text());
    expect(page).toContain("Attività concluse");
    expect(page).toContain("Richiedere il completamento sulla piattaforma");

    // Sent again with one date moved: that evento changes, none is added.
    const again = await (await get(app, `/progetti/${id}/completamento`, editor)).text();
    expect(again).toContain('value="2024-06-01"');
    const newVersion = /name="version" value="([^"]+)"/.exec(again)?.[1] ?? "";
    const moved = await post(
      app,
      `/progetti/${id}/completamento`,
      { ...fields, version: newVersion, sitoOnline: "2024-06-02" },
      editor,
    );
    expect(moved.status).toBe(302);
    expect(countOf(id, COMPLETION)).toBe(6);
    expect(audited(id) - before).toBe(7);
    expect(
      query<{ on: string }>(
        app,
        "select occurred_on as \"on\" from evento where progetto_id = ? and kind = 'sito-online'",
        id,
      )[0]?.on,
    ).toBe("2024-06-02");
  });

  it("is refused to a reader", async () => {
    const id = progettoOf("G51F22003070006");
    const response = await post(
      app,
      `/progetti/${id}/completamento`,
      { sitoOnline: "2024-06-01" },
      lettore,
    );
    expect([403, 404]).toContain(response.status);
  });
});
