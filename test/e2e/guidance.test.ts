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
  const COMPLETION =
    "'sito-online','servizio-online','checklist-inviata','richiesta-completamento'";
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
    const fields = {
      version,
      sitoOnline: "2024-06-01",
      checklistInviata: "2024-06-20",
      richiestaCompletamento: "2024-06-25",
      ...dates,
    };

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
    expect(countOf(id, COMPLETION)).toBe(7);
    expect(audited(id) - before).toBe(7);

    const page = pageText(await (await get(app, `/progetti/${id}`, editor)).text());
    expect(page).toContain("Attività concluse");
    expect(page).toContain("Asseverazione delle attività");

    // Sent again with one date moved: that evento changes, none is added.
    const again = await (await get(app, `/progetti/${id}/completamento`, editor)).text();
    expect(again).toContain('value="2024-06-01"');
    // The request is recorded: the form names it and does not ask again.
    expect(again).not.toContain('name="richiestaCompletamento"');
    const newVersion = /name="version" value="([^"]+)"/.exec(again)?.[1] ?? "";
    const moved = await post(
      app,
      `/progetti/${id}/completamento`,
      { ...fields, version: newVersion, sitoOnline: "2024-06-02" },
      editor,
    );
    expect(moved.status).toBe(302);
    expect(countOf(id, COMPLETION)).toBe(7);
    expect(audited(id) - before).toBe(8);
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

describe("the candidatura amount follows band × services", () => {
  const amountOf = (id: number) =>
    query<{ cents: number }>(
      app,
      "select amount_requested_cents as cents from progetto where id = ?",
      id,
    )[0]?.cents;
  const choice = (id: number, servizioIds: string[]) => {
    const [row] = query<{ avviso: number }>(
      app,
      "select avviso_id as avviso from progetto where id = ?",
      id,
    );
    return { avvisoId: String(row?.avviso), sentOn: "2022-09-24", band: "2", servizioIds };
  };

  it("is shown by «Calcola» without saving, then saved as computed whatever was typed", async () => {
    const id = progettoOf("G51F22003070006");
    const form = await (await get(app, `/progetti/${id}/candidatura`, editor)).text();
    expect(form).not.toContain('name="amountRequested"');
    const before = amountOf(id);

    const calculated = await post(
      app,
      `/progetti/${id}/candidatura`,
      { ...choice(id, ["13", "16", "20"]), intent: "calcola" },
      editor,
    );
    expect(calculated.status).toBe(200);
    // Band 2: the site € 51.654 plus three services × € 25.895.
    expect(pageText(await calculated.text()).replace(/<[^>]+>/g, "")).toContain(
      "Importo della candidatura: € 129.339,00",
    );
    expect(amountOf(id)).toBe(before);

    const saved = await post(
      app,
      `/progetti/${id}/candidatura`,
      { ...choice(id, ["13", "16", "20", "21"]), amountRequested: "1,00" },
      editor,
    );
    expect(saved.status).toBe(200);
    expect(amountOf(id)).toBe(155_234_00);
  });
});

describe("the progetto title", () => {
  it("is renamed by its editor, audited, never the same as another progetto of the comune", async () => {
    const id = progettoOf("G51F22003070006");
    const title = "Sito e servizi digitali del Comune di Santa Margherita Ligure";
    const saved = await post(app, `/progetti/${id}/titolo`, { title }, editor);
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe(`/progetti/${id}?salvato=1`);
    const page = pageText(await (await get(app, `/progetti/${id}`, editor)).text());
    expect(page).toContain(title);
    const [entry] = query<{ after: string }>(
      app,
      "select after from audit_log where entity = 'progetto' and entity_id = ? and action = 'update' order by id desc limit 1",
      id,
    );
    expect(JSON.parse(entry?.after ?? "{}")).toMatchObject({ title });

    const [other] = query<{ id: number }>(
      app,
      "select id from progetto where comune_id = (select comune_id from progetto where id = ?) and id <> ? limit 1",
      id,
      id,
    );
    if (other) {
      const clash = await post(app, `/progetti/${other.id}/titolo`, { title }, editor);
      expect(clash.status).toBe(200);
      expect(pageText(await clash.text())).toContain(
        "Un altro progetto del comune ha già questo titolo",
      );
    }
    const refused = await post(app, `/progetti/${id}/titolo`, { title: "Altro" }, lettore);
    expect([403, 404]).toContain(refused.status);
  });
});
