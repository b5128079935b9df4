/**
 * `npm run reminders` as cron or a systemd timer runs it: the compiled command against a
 * real database, sending through a real SMTP server on loopback, read back as received.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addMember } from "~/features/unione/unione-membership.server";
import { createUtente } from "~/models/utenti.server";
import { comune, promemoria, unione } from "../../db/schema";
import { SEED_ACTOR } from "../../scripts/seeds/actor";
import { seedDemoData } from "../../scripts/seeds/demo";
import { seedDemoUsers } from "../../scripts/seeds/demo-users";
import { startSmtpServer, type TestSmtpServer } from "../support/mail";
import { createTempDatabase, type TempDatabase } from "../support/temp-db";

const SEEDED_ON = "2026-11-22";
/** Castel Prova's contract is due on 12/12/2026 in the demo seeded on SEEDED_ON. */
const CONTRACT_DUE = "12/12/2026";
const PUBLIC_URL = "https://cruscotto.example";

let t: TempDatabase;
let smtp: TestSmtpServer;
let castelProva: number;
let progettoId: number;

const comuneId = (name: string) =>
  t.db.select({ id: comune.id }).from(comune).where(eq(comune.name, name)).get()?.id ?? 0;

async function addUser(email: string, role: "editor" | "lettore", comuni: number[], active = true) {
  await createUtente(
    t.db,
    SEED_ACTOR,
    { email, name: `Utente ${email}`, role, unioneId: null, comuneIds: comuni, active },
    "una-password-qualsiasi",
  );
}

beforeEach(async () => {
  t = createTempDatabase();
  seedDemoData({ db: t.db, filesDir: t.filesDir, today: SEEDED_ON });
  await seedDemoUsers(t.db);
  castelProva = comuneId("Castel Prova");
  progettoId =
    t.sqlite
      .prepare<[number], { id: number }>("select id from progetto where comune_id = ?")
      .get(castelProva)?.id ?? 0;
  // The demo's coordinator leads Valle del Savio, whose progetti are all done: Castel Prova
  // joins it, so the weekly digest has open deadlines to list.
  const valle = t.db
    .select({ id: unione.id })
    .from(unione)
    .where(eq(unione.name, "Unione dei Comuni Valle del Savio"))
    .get();
  expect(addMember(t.db, SEED_ACTOR, valle?.id ?? 0, "Castel Prova").ok).toBe(true);
  await addUser("rup@castelprova.example", "editor", [castelProva]);
  await addUser("vice@castelprova.example", "editor", [castelProva, comuneId("Borgo Esempio")]);
  await addUser("ex@castelprova.example", "editor", [castelProva], false);
  await addUser("lettore@castelprova.example", "lettore", [castelProva]);
  smtp = await startSmtpServer();
});

afterEach(async () => {
  await smtp.close();
  t.cleanup();
});

const exec = promisify(execFile);

/** Runs the command without blocking this process, which serves the SMTP side. */
async function reminders(today: string, env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await exec(process.execPath, ["scripts/cli.mjs", "reminders"], {
      env: {
        PATH: process.env.PATH ?? "",
        NODE_ENV: "test",
        CRUSCOTTO_DATA_DIR: t.dir,
        CRUSCOTTO_TODAY: today,
        CRUSCOTTO_PUBLIC_URL: PUBLIC_URL,
        CRUSCOTTO_REMINDER_DAYS: "30,7,1",
        CRUSCOTTO_SMTP_URL: smtp.url,
        CRUSCOTTO_SMTP_FROM: "Cruscotto PNRR <cruscotto@comune.example>",
        ...env,
      },
      encoding: "utf8",
    });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { status: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const log = () => t.db.select().from(promemoria).orderBy(promemoria.id).all();
const to = (address: string) => smtp.received.filter((m) => m.to.includes(address));

describe("npm run reminders", () => {
  it("sends each editor of the comune the deadline 7 days before, and the coordinator a digest", async () => {
    const run = await reminders("2026-12-05");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);

    const deadlineMails = smtp.received.filter((m) => m.subject.startsWith("Promemoria"));
    expect(deadlineMails.flatMap((m) => m.to).sort()).toEqual([
      "rup@castelprova.example",
      "vice@castelprova.example",
    ]);
    const [mail] = to("rup@castelprova.example");
    expect(mail?.from).toBe("cruscotto@comune.example");
    expect(mail?.subject).toBe(
      `Promemoria PNRR: Contrattualizzazione fornitore entro il ${CONTRACT_DUE} – Comune di Castel Prova`,
    );
    expect(mail?.text).toContain("Mancano 7 giorni");
    expect(mail?.text).toContain(`Contrattualizzazione fornitore entro il ${CONTRACT_DUE}`);
    expect(mail?.text).toContain("Comune di Castel Prova");
    expect(mail?.text).toContain(`${PUBLIC_URL}/progetti/${progettoId}`);
    expect(mail?.text).not.toMatch(/undefined|null|NaN/);

    // Nobody else: not the reader, not the disabled account, not the editor of another comune.
    const digest = to("coordinatore@cruscotto.example");
    expect(smtp.received.flatMap((m) => m.to).sort()).toEqual([
      "coordinatore@cruscotto.example",
      "rup@castelprova.example",
      "vice@castelprova.example",
    ]);
    expect(digest).toHaveLength(1);
    expect(digest[0]?.subject).toMatch(
      /^Riepilogo settimanale PNRR – Unione dei Comuni Valle del Savio/,
    );
    expect(digest[0]?.text).toContain(
      `${CONTRACT_DUE} – Comune di Castel Prova – Contrattualizzazione fornitore – A rischio (7 giorni rimasti)`,
    );
    expect(digest[0]?.text).toContain(`${PUBLIC_URL}/progetti/${progettoId}`);

    expect(log()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: "scadenza",
          recipient: "rup@castelprova.example",
          progettoId,
          deadline: "contract",
          dueOn: "2026-12-12",
          daysBefore: 7,
          sentAt: expect.any(String),
          error: null,
        }),
        expect.objectContaining({
          kind: "riepilogo",
          recipient: "coordinatore@cruscotto.example",
          dueOn: "2026-11-30",
          sentAt: expect.any(String),
          error: null,
        }),
      ]),
    );
    expect(log()).toHaveLength(3);

    // The next night: nothing more.
    await reminders("2026-12-06");
    expect(smtp.received).toHaveLength(3);
    expect(log()).toHaveLength(3);

    // Monday, two runs at once: the new week's digest, once.
    await Promise.all([reminders("2026-12-07"), reminders("2026-12-07")]);
    expect(to("coordinatore@cruscotto.example")).toHaveLength(2);
    expect(smtp.received).toHaveLength(4);

    // One day before, the last reminder.
    await reminders("2026-12-11");
    expect(to("rup@castelprova.example").map((m) => m.text.match(/Manca[^.]*/)?.[0])).toEqual([
      "Mancano 7 giorni alla scadenza",
      "Manca 1 giorno alla scadenza",
    ]);
    expect(smtp.received).toHaveLength(6);
    expect(log()).toHaveLength(6);
  });

  it("records a refused message and sends it on the next run", async () => {
    smtp.refuse = "Servizio temporaneamente non disponibile";
    const failed = await reminders("2026-12-05");
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain("Servizio temporaneamente non disponibile");
    expect(smtp.received).toHaveLength(0);
    const rows = log();
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.sentAt).toBeNull();
      expect(row.error).toContain("Servizio temporaneamente non disponibile");
    }

    smtp.refuse = null;
    const retried = await reminders("2026-12-06");
    expect(retried.status).toBe(0);
    expect(smtp.received.flatMap((m) => m.to).sort()).toEqual([
      "coordinatore@cruscotto.example",
      "rup@castelprova.example",
      "vice@castelprova.example",
    ]);
    expect(log().map((r) => [r.sentAt !== null, r.error])).toEqual([
      [true, null],
      [true, null],
      [true, null],
    ]);
  });

  it("stops at an unreachable server, and the next run sends everything", async () => {
    const down = await startSmtpServer();
    await down.close();
    const failed = await reminders("2026-12-05", { CRUSCOTTO_SMTP_URL: down.url });
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain("server SMTP non raggiungibile");
    // Only the message that found the server down was tried.
    expect(log().map((r) => r.error !== null)).toEqual([true]);

    expect((await reminders("2026-12-05")).status).toBe(0);
    expect(smtp.received).toHaveLength(3);
    expect(log().every((r) => r.sentAt !== null && r.error === null)).toBe(true);
  });

  it("sends nothing, and says why, when SMTP is not configured", async () => {
    const run = await reminders("2026-12-05", { CRUSCOTTO_SMTP_URL: "", CRUSCOTTO_SMTP_FROM: "" });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("Promemoria per e-mail disattivati");
    expect(smtp.received).toHaveLength(0);
    expect(log()).toHaveLength(0);
  });
});
