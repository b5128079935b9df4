/**
 * One policy per request: with CRUSCOTTO_AT_RISK_DAYS set, the same progetto has the same
 * status on every page that shows it (the progetto page once ignored the setting).
 */
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "~/domain/dates";
import { type RunningApp, startApp } from "../support/app-server";
import { comuneId, get, query, signInAs } from "../support/http";

const TODAY = "2026-11-22";
/** Cesena (over 5,000 inhabitants) must contract within 270 days of the notification. */
const DAYS_LEFT = 45;

let app: RunningApp;
let cookie: string;
let progettoId: number;
let unioneId: number;

beforeAll(async () => {
  app = await startApp({ today: TODAY, env: { CRUSCOTTO_AT_RISK_DAYS: "60" } });
  const [cesena] = query<{ id: number; unione: number }>(
    app,
    "select p.id, c.unione_id unione from progetto p join comune c on c.id = p.comune_id where c.name = 'Cesena' and p.misura = '1.4.1'",
  );
  progettoId = cesena?.id ?? 0;
  unioneId = cesena?.unione ?? 0;
  const db = new Database(app.databaseFile);
  db.prepare("update decreto set notified_on = ? where progetto_id = ?").run(
    addDays(TODAY, DAYS_LEFT - 270),
    progettoId,
  );
  db.close();
  cookie = await signInAs(app, "coordinatore");
});
afterAll(() => app?.stop());

const text = async (path: string) => {
  const response = await get(app, path, cookie);
  expect(response.status, path).toBe(200);
  return (await response.text()).replace(/<!-- -->/g, "");
};

describe("the at-risk window of the configuration", () => {
  it("makes the contract deadline 45 days away at risk on every page, not open", async () => {
    const atRisk = `A rischio (${DAYS_LEFT} giorni rimasti)`;
    expect(await text(`/progetti/${progettoId}`)).toContain(atRisk);
    const scadenze = await text(`/scadenze?comune=${comuneId(app, "Cesena")}`);
    expect(scadenze).toContain(atRisk);
    expect(scadenze).not.toContain("Aperta (45");
    const unione = await text(`/unioni/${unioneId}`);
    expect(unione).toMatch(/status-at-risk/);
    const csv = await text(`/scadenze.csv?comune=${comuneId(app, "Cesena")}`);
    expect(csv).toContain(atRisk);
  });

  it("gives the public page the same judgement of the progetto as the reserved one", async () => {
    // The public page shows the state, not the deadlines: the same assessment decides it.
    const reserved = await text(`/progetti/${progettoId}`);
    const state = /<dt>Stato<\/dt><dd>([^<]+)<\/dd>/.exec(reserved)?.[1];
    expect(state).toBeTruthy();
    const [cesena] = query<{ istat: string }>(
      app,
      "select codice_istat istat from comune where name = 'Cesena'",
    );
    const response = await get(app, `/attuazione/${cesena?.istat}/progetti/${progettoId}`, null);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(state as string);
  });
});
