/** What every public page route declares: its layout, its stylesheets, its cache headers. */
import type { HeadersFunction, LinksFunction } from "@remix-run/node";
import { PUBLIC_STYLESHEETS } from "~/infra/public-assets";

export const publicHandle = { layout: "public" };

export const publicLinks: LinksFunction = () =>
  PUBLIC_STYLESHEETS.map((href) => ({ rel: "stylesheet", href }));

/** The loader's ETag, Last-Modified and Cache-Control go on the page itself. */
export const publicPageHeaders: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;
