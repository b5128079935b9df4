import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { ROLE_LABELS } from "./auth/access";
import { type ErrorText, errorText } from "./error-texts";
import styles from "./styles/app.css";

export const links: LinksFunction = () => [
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/** Routes may ask for another layout: "print" (no navigation) or "public" (own styles, no JS). */
function useLayout(): "app" | "print" | "public" {
  const layouts = useMatches().map((m) => (m.handle as { layout?: string } | undefined)?.layout);
  if (layouts.includes("public")) return "public";
  if (layouts.includes("print")) return "print";
  return "app";
}

export function loader({ context }: LoaderFunctionArgs) {
  const user = context.user;
  return { user: user ? { name: user.name, email: user.email, role: user.role } : null };
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const user = data?.user ?? null;
  const layout = useLayout();
  const bare = layout !== "app";
  return (
    <html lang="it">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        {layout === "public" ? null : <link rel="stylesheet" href={styles} />}
        <Links />
      </head>
      <body>
        {layout === "public" ? null : (
          <a className="skip-link" href="#contenuto">
            Vai al contenuto
          </a>
        )}
        {bare ? null : (
          <header className="app-header">
            <a href="/" className="app-title">
              Cruscotto PNRR
            </a>
            <span className="app-subtitle">
              Misura 1.4.1 · Esperienza del cittadino nei servizi pubblici
            </span>
            {user ? (
              <nav aria-label="Account" className="app-nav">
                <span>
                  {user.name} ({ROLE_LABELS[user.role]})
                </span>
                <a href="/scadenze">Scadenze</a>
                <a href="/riconciliazione">Riconciliazione</a>
                <a href="/nazionale">Panoramica nazionale</a>
                {user.role === "admin" || user.role === "coordinatore" ? (
                  <a href="/unioni">Unioni</a>
                ) : null}
                {user.role === "admin" ? <a href="/admin/utenti">Utenti</a> : null}
                {user.role === "admin" ? <a href="/admin/importa">Importa</a> : null}
                <a href="/account/password">Cambia password</a>
                <Form method="post" action="/esci">
                  <button type="submit" className="link-button">
                    Esci
                  </button>
                </Form>
              </nav>
            ) : null}
          </header>
        )}
        {layout === "public" ? children : <main id="contenuto">{children}</main>}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

/** What an error page says: never the error's own text, except a route's deliberate 4xx. */
function describeError(error: unknown): ErrorText {
  if (!isRouteErrorResponse(error) || error.status >= 500) return errorText(500);
  const page = errorText(error.status);
  // Routes throw a sentence naming what is missing ("Unione non trovata"); Remix's own
  // (internal) responses carry English diagnostics instead.
  const internal = (error as { internal?: boolean }).internal;
  return !internal && typeof error.data === "string" && error.data.trim()
    ? { ...page, message: error.data }
    : page;
}

export const meta: MetaFunction = ({ error }) =>
  error ? [{ title: `${describeError(error).title} · Cruscotto PNRR` }] : [];

/** 404, 403 and 500 of any route: a page of the app, in its layout. */
export function ErrorBoundary() {
  const { title, message } = describeError(useRouteError());
  const content = (
    <>
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <a href="/">Torna alla pagina iniziale</a>
      </p>
    </>
  );
  // The public layout leaves the landmark to its pages.
  return useLayout() === "public" ? <main id="contenuto">{content}</main> : content;
}
