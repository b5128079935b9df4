/**
 * The error page as a static string, for refusals answered before Remix renders anything
 * (the request guard). Same stylesheet, header and texts as root.tsx's pages; no scripts.
 */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { AppHeader } from "../components/AppHeader";
import { errorText } from "../error-texts";
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
  return (
    `<!DOCTYPE html><html lang="it"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${t} · Cruscotto PNRR</title>` +
    `<link rel="icon" href="/favicon.svg" type="image/svg+xml">` +
    `<link rel="stylesheet" href="${escapeHtml(styles)}"></head>` +
    `<body><a class="visually-hidden-focusable skip-link" href="#contenuto">Vai al contenuto</a>` +
    HEADER +
    `<main id="contenuto" class="container my-4"><h1>${t}</h1><p class="lead">${m}</p>` +
    `<p><a href="/" class="btn btn-primary">Torna alla pagina iniziale</a></p></main></body></html>`
  );
}
