import { describe, expect, it } from "vitest";
import { errorPageHtml } from "~/infra/error-page.server";

describe("the static error page", () => {
  it("has the app's header and stylesheet, in Italian, with the texts escaped", () => {
    const html = errorPageHtml(403, "Accesso negato", "Non puoi <modificare> questo & altro.");
    expect(html).toContain('<html lang="it">');
    expect(html).toContain("<title>Accesso negato · Cruscotto PNRR</title>");
    expect(html).toMatch(/<link rel="stylesheet" href="[^"]*">/);
    expect(html).toContain('<header class="it-header-wrapper app-header');
    expect(html).toContain('<div class="it-brand-title">Cruscotto PNRR</div>');
    expect(html).toContain('<main id="contenuto" class="container my-4"><h1>Accesso negato</h1>');
    expect(html).toContain("Non puoi &lt;modificare&gt; questo &amp; altro.");
    expect(html).not.toContain("<script");
  });

  it("says the usual text of the status when given none", () => {
    expect(errorPageHtml(404, "", "")).toContain("<h1>Pagina non trovata</h1>");
    expect(errorPageHtml(500, "", "")).toContain("<h1>Si è verificato un errore</h1>");
  });
});
