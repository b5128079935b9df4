/**
 * The HTTP server: Express in front of Remix, so that the access guard runs once for every
 * request. Compiled with the app into build/index.js (remix.config.js `server`).
 */

import * as build from "@remix-run/dev/server-build";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import express from "express";
import type { SessionUser } from "../auth/access";
import { BOOTSTRAP_ITALIA_BASE } from "../public-assets";
import { guard } from "./guard.server";
import { publicPages } from "./public-pages.server";

declare module "@remix-run/node" {
  // Single fetch types for loaders and actions (future.v3_singleFetch in remix.config.js).
  interface Future {
    v3_singleFetch: true;
  }
  interface AppLoadContext {
    user: SessionUser | null;
    clientAddress: string;
  }
}

const serverBuild = build as unknown as ServerBuild;
const app = express();
app.disable("x-powered-by");
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));
app.use(
  BOOTSTRAP_ITALIA_BASE,
  express.static("node_modules/bootstrap-italia/dist", { immutable: true, maxAge: "1y" }),
);
// Public pages: no session, answered 304 or from memory while the data is unchanged.
app.use("/attuazione", publicPages(serverBuild));
app.use(guard);
app.all(
  "*",
  createRequestHandler({
    build: serverBuild,
    mode: serverBuild.mode,
    getLoadContext: (req, res) => ({
      user: (res.locals.user as SessionUser | null) ?? null,
      clientAddress: req.ip ?? "sconosciuto",
    }),
  }),
);

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "0.0.0.0";
app.listen(port, host, () => {
  console.log(
    `Cruscotto PNRR in ascolto su http://${host === "0.0.0.0" ? "localhost" : host}:${port}`,
  );
  if (process.env.NODE_ENV === "development") broadcastDevReady(serverBuild);
});
