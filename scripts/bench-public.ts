/**
 * Load benchmark of the public project page: the production build on loopback with the demo
 * data, autocannon against the Santa Margherita Ligure project page, then the same page with
 * If-None-Match (answered 304 before any route runs). Target (issue 8): at least 800
 * requests/s with p99 under 50 ms on the 2-core machine.
 *   npm run build && npm run bench:public -- [--seconds 20] [--connections 10]
 */
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { startApp } from "../test/support/app-server";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "20" },
    connections: { type: "string", default: "10" },
  },
});

const app = await startApp();
try {
  const db = new Database(app.databaseFile, { readonly: true });
  const { istat, id } = db
    .prepare(
      "select c.codice_istat istat, p.id from progetto p join comune c on c.id = p.comune_id where c.name = 'Santa Margherita Ligure'",
    )
    .get() as { istat: string; id: number };
  db.close();
  const url = `${app.url}/attuazione/${istat}/progetti/${id}`;
  const etag = (await fetch(url)).headers.get("etag") ?? "";

  for (const [label, headers] of [
    ["pagina del progetto", {}],
    ["richiesta condizionale (304)", { "If-None-Match": etag }],
  ] as const) {
    const result = await autocannon({
      url,
      headers,
      duration: Number(values.seconds),
      connections: Number(values.connections),
    });
    const statuses = Object.entries(result.statusCodeStats ?? {})
      .map(([code, s]) => `${code}: ${(s as { count: number }).count}`)
      .join(", ");
    console.log(
      `${label}: ${result.requests.average.toFixed(0)} richieste/s in media, latenza p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, massimo ${result.latency.max} ms; ${result.non2xx} non 2xx, ${result.errors} errori (${statuses})`,
    );
  }
} finally {
  await app.stop();
}
