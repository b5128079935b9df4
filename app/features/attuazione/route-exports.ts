/** What every public page route declares: its layout, its stylesheets, its cache headers. */
import type { HeadersFunction, LinksFunction } from "@remix-run/node";
// Built from Bootstrap Italia's Sass by `npm run build` (scripts/build-public-css.ts);
// Remix names it by its content under /build, cached for a year.
import publicStyles from "./public.generated.css";

export const publicHandle = { layout: "public" };

export const publicLinks: LinksFunction = () => [{ rel: "stylesheet", href: publicStyles }];

/** The loader's ETag, Last-Modified and Cache-Control go on the page itself. */
export const publicPageHeaders: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;
