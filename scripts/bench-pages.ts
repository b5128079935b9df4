/**
 * Throughput of the public project page and of the signed-in pages (progetto, Unione,
 * national overview), each side by side in one run with a static file of its own size served
 * by plain node:http (the reference), reported as ratios, at each number of connections.
 * With --reference DIR (another checkout with its own `npm run build`, e.g. a worktree of an
 * earlier commit) the same pages of that version are measured in turn, A B A B, so the two
 * versions are compared on the same noisy machine. The public page's 304 (If-None-Match) is
 * compared with the static file's 304.
 *   npm run build && npm run bench:pages -- [--seconds 10] [--connections 10,50] [--rounds 3]
 *     [--reference ../cruscotto-before]
 */
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { type RunningApp, startApp } from "../test/support/app-server";
import { signInAs } from "../test/support/http";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "10,50" },
    rounds: { type: "string", default: "3" },
    reference: { type: "string" },
  },
});

interface Target {
  label: string;
  url: string;
  headers: Record<string, string>;
  /** A conditional request: measured against the static file's 304. */
  conditional?: boolean;
}

async function targetsOf(app: RunningApp, version: string): Promise<Target[]> {
  const db = new Database(app.databaseFile, { readonly: true });
  const { istat, id } = db
    .prepare(
      "select c.codice_istat istat, p.id from progetto p join comune c on c.id = p.comune_id where p.cup = 'G51F22003070006'",
    )
    .get() as { istat: string; id: number };
  const unione = (
    db.prepare("select id from unione where name like '%Savio%'").get() as { id: number }
  ).id;
  db.close();
  const cookie = await signInAs(app, "editor");
  const coordinatore = await signInAs(app, "coordinatore");
  const publicUrl = `${app.url}/attuazione/${istat}/progetti/${id}`;
  const etag = (await fetch(publicUrl)).headers.get("etag") ?? "";
  return [
    {
      label: `${version}: pagina pubblica del progetto`,
      url: publicUrl,
      headers: {},
    },
    {
      label: `${version}: pagina pubblica del progetto, 304`,
      url: publicUrl,
      headers: { "If-None-Match": etag },
      conditional: true,
    },
    {
      label: `${version}: pagina del progetto (editor)`,
      url: `${app.url}/progetti/${id}`,
      headers: { Cookie: cookie },
    },
    {
      label: `${version}: pagina dell'Unione (coordinatore)`,
      url: `${app.url}/unioni/${unione}`,
      headers: { Cookie: coordinatore },
    },
    {
      label: `${version}: panoramica nazionale (coordinatore)`,
      url: `${app.url}/nazionale`,
      headers: { Cookie: coordinatore },
    },
  ];
}

/**
 * A static page of the same size as the project page, served by plain node:http, with its
 * ETag: a conditional request is answered 304.
 */
async function startStatic(bytes: number): Promise<{ url: string; stop: () => void }> {
  const child = spawn(
    process.execPath,
    [
      "-e",
      `const b=Buffer.alloc(${bytes},"a");require("node:http").createServer((q,s)=>{if(q.headers["if-none-match"]==='"s"'){s.writeHead(304,{ETag:'"s"'});return s.end()}s.writeHead(200,{"Content-Type":"text/html","Content-Length":b.length,ETag:'"s"'});s.end(b)}).listen(0,"127.0.0.1",function(){console.log(this.address().port)})`,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const port = await new Promise<string>((resolve) =>
    child.stdout?.once("data", (d) => resolve(String(d).trim())),
  );
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill() };
}

async function measure(target: Target, connections: number) {
  const result = await autocannon({
    url: target.url,
    headers: target.headers,
    duration: Number(values.seconds),
    connections,
  });
  const codes = result.statusCodeStats as Record<string, { count: number }>;
  const expected = target.conditional ? (codes["304"]?.count ?? 0) : (codes["200"]?.count ?? 0);
  const serverErrors = Object.entries(codes)
    .filter(([code]) => code.startsWith("5"))
    .reduce((sum, [, { count }]) => sum + count, 0);
  if (expected < result.requests.total || result.errors)
    console.error(
      `${target.label}: ${result.requests.total - expected} risposte inattese (${serverErrors} 5xx), ${result.errors} errori`,
    );
  return { rps: result.requests.average, p99: result.latency.p99, serverErrors };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

const apps: RunningApp[] = [await startApp()];
if (values.reference) apps.push(await startApp({ root: values.reference }));
const targets = (
  await Promise.all(
    apps.map((app, i) => targetsOf(app, i === 0 ? "questa versione" : "riferimento")),
  )
).flat();

/** One static file per page size, each answering 304 to its ETag. */
const statics = new Map<number, Awaited<ReturnType<typeof startStatic>>>();
const referenceOf = new Map<Target, Target>();
for (const target of targets) {
  const bytes = Buffer.byteLength(
    await (await fetch(target.url, { headers: target.headers })).text(),
  );
  const server = statics.get(bytes) ?? (await startStatic(bytes));
  statics.set(bytes, server);
  referenceOf.set(target, {
    label: target.conditional ? "file statico, 304" : `file statico (${bytes} byte)`,
    url: server.url,
    headers: target.conditional ? { "If-None-Match": '"s"' } : {},
    conditional: target.conditional,
  });
}
try {
  for (const connections of values.connections.split(",").map(Number)) {
    const runs = new Map<
      string,
      { rps: number[]; p99: number[]; ratio: number[]; errors: number }
    >();
    for (let round = 0; round < Number(values.rounds); round++) {
      for (const target of targets) {
        const reference = referenceOf.get(target) as Target;
        const base = await measure(reference, connections);
        const figure = await measure(target, connections);
        const entry = runs.get(target.label) ?? { rps: [], p99: [], ratio: [], errors: 0 };
        entry.rps.push(figure.rps);
        entry.p99.push(figure.p99);
        entry.ratio.push(figure.rps / base.rps);
        entry.errors += figure.serverErrors;
        runs.set(target.label, entry);
      }
    }
    console.log(
      `\n${connections} connessioni, ${values.seconds} s per misura, ${values.rounds} giri`,
    );
    for (const [label, r] of runs)
      console.log(
        `${label}: ${median(r.rps).toFixed(0)} richieste/s (mediana), p99 ${median(r.p99)} ms, ${(median(r.ratio) * 100).toFixed(1)}% del file statico${label.includes("304") ? " (304)" : ""} della stessa misura, ${r.errors} risposte 5xx`,
      );
  }
} finally {
  for (const server of statics.values()) server.stop();
  await Promise.all(apps.map((app) => app.stop()));
}
