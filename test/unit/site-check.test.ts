/** The automatic site checks against small sites served on a local port (real HTTP). */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FetchLimits } from "~/features/conformity/bounded-fetch.server";
import { checkSite } from "~/features/conformity/check-site.server";
import type { CheckResult } from "~/features/conformity/site-analysis";

const GOOD = `<!doctype html><html lang="it"><head>
<link rel="stylesheet" href="/bootstrap-italia/css/bootstrap-italia.min.css">
</head><body>
<a data-element="personal-area-login" href="/area-personale">Accedi all'area personale</a>
<nav><ul>
<li><a data-element="menu-item" href="/amministrazione">Amministrazione</a></li>
<li><a data-element="menu-item" href="/novita">Novità</a></li>
<li><a data-element="menu-item" href="/servizi">Servizi</a></li>
<li><a data-element="menu-item" href="/vivere">Vivere il Comune</a></li>
</ul></nav>
<footer>
<a data-element="faq" href="/faq">Leggi le FAQ</a>
<a data-element="report-inefficiency" href="/segnala">Segnala disservizio</a>
<a data-element="accessibility-link" href="/accessibilita">Dichiarazione di accessibilità</a>
<a data-element="privacy-policy-link" href="/privacy">Informativa privacy</a>
</footer></body></html>`;
const GOOD_CSS = `:root{--bootstrap-italia-version: '2.8.2'}
@font-face{font-family:"Titillium Web";src:url(t.woff2)}@font-face{font-family:"Lora";src:url(l.woff2)}`;
const BAD = `<!doctype html><html><head><link rel="stylesheet" href="/old.css"></head><body>
<nav><a href="/servizi">Servizi</a><a href="/amministrazione">Amministrazione</a></nav>
<footer><a href="/privacy">Privacy</a></footer></body></html>`;

let server: Server;
let base: string;
const LIMITS: FetchLimits = {
  requestTimeoutMs: 1_500,
  totalTimeoutMs: 5_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  allowPrivate: true,
};

beforeAll(async () => {
  server = createServer((req, res) => {
    switch (req.url) {
      case "/buono":
        res.end(GOOD);
        return;
      case "/bootstrap-italia/css/bootstrap-italia.min.css":
        res.end(GOOD_CSS);
        return;
      case "/cattivo":
        res.end(BAD);
        return;
      case "/old.css":
        res.end(":root{--bootstrap-italia-version: '1.6.4'}");
        return;
      case "/errore":
        res.statusCode = 500;
        res.end("errore");
        return;
      case "/giro":
        res.writeHead(302, { Location: "/giro" });
        res.end();
        return;
      case "/enorme": {
        // 50 MB, sent as fast as the client reads.
        const chunk = Buffer.alloc(1024 * 1024, 97);
        let sent = 0;
        const write = () => {
          while (sent < 50 && res.write(chunk)) sent += 1;
          if (sent < 50) res.once("drain", write);
          else res.end();
        };
        res.on("error", () => {});
        write();
        return;
      }
      case "/goccia": {
        // Headers at once, then one byte every 100 ms, for ever.
        res.writeHead(200, { "Content-Type": "text/html" });
        const drip = setInterval(() => res.write("<"), 100);
        res.on("close", () => clearInterval(drip));
        return;
      }
      case "/fogli-lenti":
        // A page whose four stylesheets never answer.
        res.end(
          `<html><head>${[1, 2, 3, 4]
            .map((n) => `<link rel="stylesheet" href="/lento-${n}.css">`)
            .join("")}</head><body></body></html>`,
        );
        return;
      default:
        // "/lento", "/lento-N.css": never answer.
        return;
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const byCriterion = (results: CheckResult[]) =>
  Object.fromEntries(results.map((r) => [r.criterion, r.outcome]));

describe("checking a comune's site", () => {
  it("finds a conforming site conforming, except HTTPS on a plain local port", async () => {
    const results = await checkSite(`${base}/buono`, LIMITS);
    expect(byCriterion(results)).toEqual({
      "C.SI.5.1": "non-conforme",
      "C.SI.1.2": "conforme",
      "C.SI.1.1": "conforme",
      "C.SI.1.6": "conforme",
      "C.SI.2.3": "conforme",
      "C.SI.2.4": "conforme",
      "C.SI.3.2": "conforme",
      "C.SI.3.3": "conforme",
      "C.SE.1.1": "conforme",
    });
    expect(results.find((r) => r.criterion === "C.SI.1.2")?.detail).toBe(
      "Bootstrap Italia versione 2.8.2",
    );
  });

  it("says what is wrong with a non-conforming site, criterion by criterion", async () => {
    const results = await checkSite(`${base}/cattivo`, LIMITS);
    expect(Object.values(byCriterion(results)).every((o) => o === "non-conforme")).toBe(true);
    const detail = (c: string) => results.find((r) => r.criterion === c)?.detail;
    expect(detail("C.SI.1.2")).toBe("Bootstrap Italia versione 1.6.4 (non collegata nell'head)");
    expect(detail("C.SI.1.6")).toBe(
      "Voci trovate: servizi, amministrazione; attese in ordine: Amministrazione, Novità, Servizi, Vivere il Comune",
    );
    expect(detail("C.SI.3.3")).toBe('Nessun link con data-element="privacy-policy-link"');
  });

  it.each([
    ["/lento", "Nessuna risposta completa entro 1,5 secondi"],
    ["/goccia", "Nessuna risposta completa entro 1,5 secondi"],
    ["/errore", "Il sito ha risposto con errore 500"],
    ["/enorme", "Risposta oltre 5 MB"],
    ["/giro", "Troppi reindirizzamenti (più di 5)"],
  ])("reports %s as not verifiable on every criterion, without hanging", async (path, reason) => {
    const started = Date.now();
    const results = await checkSite(`${base}${path}`, LIMITS);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(results).toHaveLength(9);
    for (const r of results)
      expect(r).toMatchObject({ outcome: "non-verificabile", detail: reason });
  });

  it.each([
    ["/lento", 5_000, "a server that never answers"],
    ["/goccia", 5_000, "a server that trickles its page"],
    ["/fogli-lenti", 5_000, "stylesheets that never answer"],
    ["/fogli-lenti", 500, "stylesheets each stopped at its own limit, too many together"],
  ])(
    "stops the whole check at its time limit: %s, %i ms per request, %s",
    async (path, requestTimeoutMs) => {
      const started = Date.now();
      const results = await checkSite(`${base}${path}`, {
        ...LIMITS,
        requestTimeoutMs,
        totalTimeoutMs: 1_200,
      });
      expect(Date.now() - started).toBeLessThan(1_800);
      expect(results).toHaveLength(9);
      for (const r of results)
        expect(r).toMatchObject({
          outcome: "non-verificabile",
          detail: "Verifica interrotta dopo 1,2 secondi: il sito risponde troppo lentamente",
        });
    },
  );

  it("refuses loopback and private addresses unless the test setting allows them", async () => {
    const results = await checkSite(`${base}/buono`, { ...LIMITS, allowPrivate: false });
    expect(results[0]?.detail).toBe("Indirizzo privato o locale non ammesso: 127.0.0.1");
    const other = await checkSite("ftp://example.org/", LIMITS);
    expect(other[0]?.detail).toBe("Protocollo non ammesso: ftp:");
  });
});
