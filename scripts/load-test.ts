/**
 * Mixed load against the production build on loopback: public project pages, the signed-in
 * dashboard and Unione page, and form posts that each add an event to a progetto. Then it
 * checks that no request failed with 5xx and that every accepted write is in the database
 * (a few more may be: those still in flight when the time ran out, answered after it).
 *   npm run build && npm run load-test -- [--seconds 30] [--connections 50]
 */
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { startApp } from "../test/support/app-server";
import { signInAs } from "../test/support/http";

export interface LoadTestResult {
  requests: number;
  perSecond: number;
  p99: number;
  serverErrors: number;
  writesAccepted: number;
  writesInDatabase: number;
}

export async function runLoadTest(seconds: number, connections: number): Promise<LoadTestResult> {
  const app = await startApp({ env: { CRUSCOTTO_LOG: "off" } });
  try {
    const db = new Database(app.databaseFile, { readonly: true });
    const sml = db
      .prepare(
        "select c.codice_istat istat, p.id from progetto p join comune c on c.id = p.comune_id where c.name = 'Santa Margherita Ligure'",
      )
      .get() as { istat: string; id: number };
    const unione = (db.prepare("select id from unione limit 1").get() as { id: number }).id;
    const eventsBefore = (
      db.prepare("select count(*) n from evento where progetto_id = ?").get(sml.id) as { n: number }
    ).n;
    db.close();
    const admin = await signInAs(app, "admin");
    let writesAccepted = 0;
    const result = await autocannon({
      url: app.url,
      duration: seconds,
      connections,
      requests: [
        { method: "GET", path: `/attuazione/${sml.istat}/progetti/${sml.id}` },
        { method: "GET", path: "/", headers: { Cookie: admin } },
        { method: "GET", path: `/unioni/${unione}`, headers: { Cookie: admin } },
        {
          method: "POST",
          path: `/progetti/${sml.id}/eventi/nuovo`,
          headers: {
            Cookie: admin,
            Origin: app.url,
            "Content-Type": "application/x-www-form-urlencoded",
          },
          body: "kind=checklist-inviata&occurredOn=2024-03-01&servizioId=&outcome=&amount=&note=",
          onResponse: (status: number) => {
            if (status === 302) writesAccepted += 1;
          },
        },
      ],
    });
    const check = new Database(app.databaseFile, { readonly: true });
    const eventsAfter = (
      check.prepare("select count(*) n from evento where progetto_id = ?").get(sml.id) as {
        n: number;
      }
    ).n;
    check.close();
    const serverErrors = Object.entries(result.statusCodeStats ?? {})
      .filter(([code]) => code.startsWith("5"))
      .reduce((sum, [, s]) => sum + s.count, 0);
    return {
      requests: result.requests.total,
      perSecond: Math.round(result.requests.average),
      p99: result.latency.p99,
      serverErrors: serverErrors + result.errors,
      writesAccepted,
      writesInDatabase: eventsAfter - eventsBefore,
    };
  } finally {
    await app.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({
    options: {
      seconds: { type: "string", default: "30" },
      connections: { type: "string", default: "50" },
    },
  });
  const r = await runLoadTest(Number(values.seconds), Number(values.connections));
  console.log(
    `${r.requests} richieste in ${values.seconds} s con ${values.connections} connessioni: ${r.perSecond}/s, p99 ${r.p99} ms, ` +
      `${r.serverErrors} errori 5xx o di rete; scritture accettate ${r.writesAccepted}, nel database ${r.writesInDatabase}`,
  );
  // Requests still in flight when the time is up may be stored without their answer counted.
  if (r.serverErrors > 0 || r.writesInDatabase < r.writesAccepted) process.exit(1);
}
