/**
 * The error page as a static string, for refusals answered before Remix renders anything
 * (the request guard). Same stylesheet, header and texts as root.tsx's pages; no scripts.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { AppHeader } from "../components/AppHeader";
import { errorText } from "../error-texts";
import { type KeptForm, keptAsHidden } from "../forms/kept-form";
// The same import as root.tsx: the build gives both the same fingerprinted URL.
import styles from "../styles/app.generated.css";

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

// Refused before the session is read: the header without the account and navigation.
const HEADER = renderToStaticMarkup(createElement(AppHeader, { user: null }));

/** An empty title or message stands for the usual text of the status. */
export function errorPageHtml(status: number, title: string, message: string): string {
  const fallback = errorText(status);
  const t = escapeHtml(title || fallback.title);
  const m = escapeHtml(message || fallback.message);
  return page(
    t,
    `<h1>${t}</h1><p class="lead">${m}</p>` +
      `<p><a href="/" class="btn btn-primary">Torna alla pagina iniziale</a></p>`,
  );
}

function page(title: string, main: string): string {
  return (
    `<!DOCTYPE html><html lang="it"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${title} · Cruscotto PNRR</title>` +
    `<link rel="icon" href="/favicon.svg" type="image/svg+xml">` +
    `<link rel="stylesheet" href="${escapeHtml(styles)}"></head>` +
    `<body><a class="visually-hidden-focusable skip-link" href="#contenuto">Vai al contenuto</a>` +
    HEADER +
    `<main id="contenuto" class="container my-4">${main}</main></body></html>`
  );
}

/** Fields the user did not type: not worth showing back. */
const UNTYPED = new Set(["version", "intent", "conferma"]);

/**
 * The refusal of a form whose session expired (401) or whose account may not send it (403),
 * keeping what was typed: a sign-in form carries it as hidden fields to /accedi, which then
 * offers to send it again to the original action. Posted only from our own pages (the guard
 * refuses cross-site posts before this), and never a password or a file.
 */
export function keptFormPageHtml(status: 401 | 403, kept: KeptForm): string {
  const title = status === 401 ? "Accedi di nuovo per salvare" : "Accesso negato";
  const why =
    status === 401
      ? "Per modificare i dati occorre accedere: la sessione è scaduta o non è più valida, e i dati non sono stati salvati."
      : "Il tuo account non ha i permessi per questa operazione: i dati non sono stati salvati.";
  const next =
    status === 401
      ? "Accedi di nuovo: subito dopo potrai inviarlo con «Invia di nuovo»."
      : "Puoi accedere con un account che ha i permessi e poi inviarlo con «Invia di nuovo».";
  const typed = kept.fields.filter(([name, value]) => value.trim() !== "" && !UNTYPED.has(name));
  const hidden = keptAsHidden(kept)
    .map(([n, v]) => `<input type="hidden" name="${escapeHtml(n)}" value="${escapeHtml(v)}">`)
    .join("");
  return page(
    title,
    `<h1>${title}</h1><p>${why}</p>` +
      `<p><strong>Quello che hai scritto non è andato perso.</strong> ${next}</p>` +
      (typed.length
        ? `<p>Dati conservati:</p><ul class="kept-values">${typed
            .map(([, v]) => `<li>${escapeHtml(v)}</li>`)
            .join("")}</ul>`
        : "") +
      (kept.files.length
        ? "<p>I file scelti non si possono conservare: andranno scelti di nuovo.</p>"
        : "") +
      `<form method="post" action="/accedi" class="narrow">${hidden}` +
      `<div class="field"><label for="email">Email</label>` +
      `<input id="email" name="email" type="email" autocomplete="username" required></div>` +
      `<div class="field"><label for="password">Password</label>` +
      `<input id="password" name="password" type="password" autocomplete="current-password" required></div>` +
      `<button type="submit">Accedi</button></form>` +
      `<p><a href="/">Torna alla pagina iniziale</a> (i dati scritti andranno persi)</p>`,
  );
}
