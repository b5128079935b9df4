/**
 * Reading a comune's home page in one linear pass: the same findings as a browser's tree on
 * ordinary markup, and bounded time and detail length on whatever a hostile site serves.
 */
import { describe, expect, it } from "vitest";
import { MAX_SCANNED_BYTES, scanPage } from "~/features/conformity/page-scan";
import { analyzeSite, type CheckResult, MAX_DETAIL } from "~/features/conformity/site-analysis";

const CSS = [
  { url: "https://comune.example/bi.css", css: ":root{--bootstrap-italia-version:'2.8.2'}" },
];

function check(html: string): Record<string, CheckResult> {
  const results = analyzeSite({
    url: "https://comune.example/",
    scan: scanPage(html),
    stylesheets: CSS,
  });
  return Object.fromEntries(results.map((r) => [r.criterion, r]));
}

describe("reading an ordinary home page", () => {
  it("finds the menu through markup, entities and unclosed list items", () => {
    const results = check(`<!doctype html><html><head>
<link rel="stylesheet" href="/bootstrap-italia/css/bootstrap-italia.min.css"></head><body>
<nav><ul>
<li data-element="menu-item"><a href="/a"><span>Amministrazione</span></a>
<li data-element="menu-item"><a href="/n">  Novit&agrave;
  </a>
<li data-element="menu-item"><a href="/s"><svg><use href="#i"></use></svg>Servizi</a>
<li data-element="menu-item"><a href="/v">Vivere&nbsp;il <b>Comune</b></a>
</ul></nav></body></html>`);
    expect(results["C.SI.1.6"]?.outcome).toBe("conforme");
    expect(results["C.SI.1.2"]?.detail).toBe("Bootstrap Italia versione 2.8.2");
  });

  it("falls back on the links of the first nav only, and reads the version from a script", () => {
    const results = analyzeSite({
      url: "https://comune.example/",
      scan: scanPage(`<html><head><link rel=stylesheet href=/bootstrap-italia.css>
<script>window.BOOTSTRAP_ITALIA_VERSION = "2.1.0"</script></head><body>
<nav><a href="/a">Amministrazione</a><a href="/n">Novità</a></nav>
<nav><a href="/s">Servizi</a><a href="/v">Vivere il Comune</a></nav></body></html>`),
      stylesheets: [],
    });
    const by = Object.fromEntries(results.map((r) => [r.criterion, r]));
    expect(by["C.SI.1.2"]).toMatchObject({
      outcome: "conforme",
      detail: "Bootstrap Italia versione 2.1.0",
    });
    expect(by["C.SI.1.6"]?.detail).toBe(
      "Voci trovate: amministrazione, novità; attese in ordine: Amministrazione, Novità, Servizi, Vivere il Comune",
    );
  });

  it("judges a data-element link by the first element that carries it", () => {
    const results = check(`<html><body><div data-element="faq">FAQ</div>
<a data-element="faq" href="/faq">FAQ</a><a data-element="privacy-policy-link" href="/privacy">Privacy</a>
<a data-element="report-inefficiency" href="  ">Segnala</a></body></html>`);
    expect(results["C.SI.2.3"]?.outcome).toBe("non-conforme");
    expect(results["C.SI.3.3"]?.outcome).toBe("conforme");
    expect(results["C.SI.2.4"]?.outcome).toBe("non-conforme");
  });

  it("counts a stylesheet as in the head only inside the head", () => {
    const results = check(
      `<html><head><title>x</title></head><body><link rel="stylesheet" href="/bootstrap-italia.css"></body></html>`,
    );
    expect(results["C.SI.1.2"]?.detail).toBe(
      "Bootstrap Italia versione 2.8.2 (non collegata nell'head)",
    );
  });
});

describe("reading a hostile home page", () => {
  const FIVE_MB = 5 * 1024 * 1024;
  const fill = (unit: string) => unit.repeat(Math.floor(FIVE_MB / unit.length));

  it.each([
    ["unclosed tags", `<html><body>${fill("<a>")}`],
    [
      "unclosed tags, then closing tags of nothing open",
      `<body>${"<a>".repeat(FIVE_MB / 8)}${"</b>".repeat(FIVE_MB / 8)}`,
    ],
    ["unclosed menu items", `<body><nav>${fill('<div data-element="menu-item"><a>x')}`],
    ["one tag with a million attributes", `<body><a ${fill("x=1 ")}>`],
  ])("reads 5 MB of %s in well under a second and says it read only the beginning", (_, html) => {
    const started = performance.now();
    const results = check(html);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(results["C.SI.1.6"]?.detail).toMatch(/esaminati solo i primi 2 MB\)$/);
    expect(results["C.SI.5.1"]?.detail).toBe("Il sito risponde in HTTPS");
  });

  it("examines the first 2 MB and no more", () => {
    expect(scanPage("a".repeat(MAX_SCANNED_BYTES)).truncated).toBe(false);
    const scan = scanPage(`${"è".repeat(MAX_SCANNED_BYTES / 2)}x`);
    expect(scan.truncated).toBe(true);
    expect(new TextEncoder().encode(scan.html).length).toBeLessThanOrEqual(MAX_SCANNED_BYTES);
  });

  it("names ten menu entries, each cut short, and counts the rest", () => {
    const entry = `<a data-element="menu-item" href="/x">${"Voce lunghissima ".repeat(50)}</a>`;
    const detail = check(`<nav>${entry.repeat(2_000)}</nav>`)["C.SI.1.6"]?.detail ?? "";
    expect(detail).toMatch(/…, voce [^,]*… e altre 1990; attese in ordine/);
    expect(detail.length).toBeLessThanOrEqual(MAX_DETAIL);
  });
});
