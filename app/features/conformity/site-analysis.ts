/**
 * What a comune's home page shows about the site criteria that can be checked from outside:
 * HTTPS, Bootstrap Italia ≥ 2.0, the model's fonts, the first-level menu, and the links the
 * official validator finds by their data-element attributes. Pure: it judges a page already
 * fetched (check-site.server.ts) and scanned (page-scan.ts).
 */
import { MAX_SCANNED_BYTES, type PageScan } from "./page-scan";

export type CheckOutcome = "conforme" | "non-conforme" | "non-verificabile";

export interface CheckResult {
  criterion: string;
  subject: string;
  outcome: CheckOutcome;
  detail: string;
}

export const CHECKED_CRITERIA = [
  ["C.SI.5.1", "HTTPS"],
  ["C.SI.1.2", "Bootstrap Italia 2.0 o successiva"],
  ["C.SI.1.1", "Font Titillium Web e Lora"],
  ["C.SI.1.6", "Menu di primo livello"],
  ["C.SI.2.3", 'Link alle FAQ (data-element="faq")'],
  ["C.SI.2.4", 'Link alla segnalazione disservizio (data-element="report-inefficiency")'],
  ["C.SI.3.2", 'Dichiarazione di accessibilità (data-element="accessibility-link")'],
  ["C.SI.3.3", 'Informativa privacy (data-element="privacy-policy-link")'],
  ["C.SE.1.1", 'Accesso all\'area personale (data-element="personal-area-login")'],
] as const;

export const MENU_ITEMS = ["Amministrazione", "Novità", "Servizi", "Vivere il Comune"];

/** A detail is stored at every check and shown on the checklist: never longer than this. */
export const MAX_DETAIL = 2_000;
/** Menu entries named in a detail; the rest are counted. */
const LISTED_MENU_ITEMS = 10;
const MAX_LISTED_TEXT = 60;

const cut = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

function clampDetail(detail: string): string {
  return cut(detail, MAX_DETAIL);
}

/** "a, b, c" for the first entries, then "e altre N". */
function listed(texts: readonly string[]): string {
  if (texts.length === 0) return "nessuna";
  const shown = texts.slice(0, LISTED_MENU_ITEMS).map((t) => cut(t, MAX_LISTED_TEXT));
  const rest = texts.length - shown.length;
  return rest > 0 ? `${shown.join(", ")} e altre ${rest}` : shown.join(", ");
}

/** Every checked criterion with the same outcome: when the page could not be read at all. */
export function unreadable(reason: string): CheckResult[] {
  return CHECKED_CRITERIA.map(([criterion, subject]) => ({
    criterion,
    subject,
    outcome: "non-verificabile",
    detail: clampDetail(reason),
  }));
}

function versionAtLeast(version: string, major: number): boolean {
  return Number(version.split(".")[0]) >= major;
}

const normalize = (text: string) => text.replace(/\s+/g, " ").trim().toLowerCase();

const MB = (bytes: number) => (bytes / 1024 / 1024).toLocaleString("it-IT");

export function analyzeSite(page: {
  url: string;
  scan: PageScan;
  stylesheets: readonly { url: string; css: string }[];
}): CheckResult[] {
  const { scan } = page;
  const css = page.stylesheets.map((s) => s.css).join("\n");
  // Said on every criterion judged from the page, so a partial reading is never mistaken.
  const partial = scan.truncated
    ? ` (pagina oltre ${MB(MAX_SCANNED_BYTES)} MB: esaminati solo i primi ${MB(MAX_SCANNED_BYTES)} MB)`
    : "";
  const result = (
    criterion: (typeof CHECKED_CRITERIA)[number][0],
    ok: boolean,
    detail: string,
  ): CheckResult => ({
    criterion,
    subject: CHECKED_CRITERIA.find(([c]) => c === criterion)?.[1] ?? criterion,
    outcome: ok ? "conforme" : "non-conforme",
    detail: clampDetail(criterion === "C.SI.5.1" ? detail : `${detail}${partial}`),
  });

  const https = new URL(page.url).protocol === "https:";

  const version =
    /--bootstrap-italia-version:\s*["']?(\d+(?:\.\d+)*)/.exec(css)?.[1] ??
    /BOOTSTRAP_ITALIA_VERSION\s*=\s*["'](\d+(?:\.\d+)*)/.exec(scan.scripts)?.[1] ??
    null;
  const linkedInHead = scan.stylesheets.some((l) => l.inHead && /bootstrap-italia/i.test(l.href));

  const fontsText = `${css}\n${scan.html}`;
  const titillium = /Titillium Web/i.test(fontsText);
  const lora = /\bLora\b/.test(fontsText);

  const menuTexts = scan.menuItems.length ? scan.menuItems : scan.navLinks;
  let next = 0;
  for (const text of menuTexts) if (text === normalize(MENU_ITEMS[next] ?? "")) next += 1;
  const menuOk = next === MENU_ITEMS.length;

  const hasElement = (name: string) => (scan.dataElements.get(name) ?? "").trim() !== "";
  const link = (criterion: (typeof CHECKED_CRITERIA)[number][0], name: string): CheckResult =>
    result(
      criterion,
      hasElement(name),
      hasElement(name)
        ? `Trovato il link con data-element="${name}"`
        : `Nessun link con data-element="${name}"`,
    );

  return [
    result(
      "C.SI.5.1",
      https,
      https ? "Il sito risponde in HTTPS" : `Indirizzo non HTTPS: ${page.url}`,
    ),
    result(
      "C.SI.1.2",
      linkedInHead && version !== null && versionAtLeast(version, 2),
      version === null
        ? linkedInHead
          ? "Bootstrap Italia collegata ma versione non dichiarata"
          : "Bootstrap Italia non trovata nell'head"
        : `Bootstrap Italia versione ${version}${linkedInHead ? "" : " (non collegata nell'head)"}`,
    ),
    result(
      "C.SI.1.1",
      titillium && lora,
      titillium && lora
        ? "Titillium Web e Lora dichiarati"
        : `Mancano: ${[titillium ? null : "Titillium Web", lora ? null : "Lora"].filter(Boolean).join(", ")}`,
    ),
    result(
      "C.SI.1.6",
      menuOk,
      menuOk
        ? `Voci in ordine: ${MENU_ITEMS.join(", ")}`
        : `Voci trovate: ${listed(menuTexts)}; attese in ordine: ${MENU_ITEMS.join(", ")}`,
    ),
    link("C.SI.2.3", "faq"),
    link("C.SI.2.4", "report-inefficiency"),
    link("C.SI.3.2", "accessibility-link"),
    link("C.SI.3.3", "privacy-policy-link"),
    link("C.SE.1.1", "personal-area-login"),
  ];
}

/** The stylesheets worth fetching: Bootstrap Italia's first, at most a few. */
export function stylesheetUrls(scan: PageScan, base: string, limit = 4): string[] {
  const hrefs = scan.stylesheets.map((l) => l.href).filter((h) => h !== "");
  const ordered = [
    ...hrefs.filter((h) => /bootstrap-italia/i.test(h)),
    ...hrefs.filter((h) => !/bootstrap-italia/i.test(h)),
  ];
  const urls: string[] = [];
  for (const href of ordered) {
    if (urls.length === limit) break;
    try {
      urls.push(new URL(href, base).href);
    } catch {
      // A malformed href is simply not fetched.
    }
  }
  return urls;
}
