/**
 * Guidance on the progetto page (issue 19): the next step, who does it and by when, one
 * button for it, the other step pages under "Altre azioni"; a reader sees the step, no button.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningApp, startApp } from "../support/app-server";
import { get, pageText, query, signInAs } from "../support/http";

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
