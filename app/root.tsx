import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { AppHeader } from "./components/AppHeader";
import { type ErrorText, errorText } from "./error-texts";
import styles from "./styles/app.generated.css";

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
          <a className="visually-hidden-focusable skip-link" href="#contenuto">
            Vai al contenuto
          </a>
        )}
        {bare ? null : <AppHeader user={user} />}
        {layout === "public" ? (
          children
        ) : (
          <main id="contenuto" className={layout === "print" ? "px-3 py-3" : "container my-4"}>
            {children}
          </main>
        )}
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
      <p className="lead">{message}</p>
      <p>
        <a href="/" className="btn btn-primary">
          Torna alla pagina iniziale
        </a>
      </p>
    </>
  );
  // The public layout leaves the landmark to its pages.
  return useLayout() === "public" ? <main id="contenuto">{content}</main> : content;
}
