/**
 * The HTTP server: Express in front of Remix, so that the access guard runs once for every
 * request. Compiled with the app into build/index.js (remix.config.js `server`).
 */

import { existsSync } from "node:fs";
import { createServer } from "node:http";
import * as build from "@remix-run/dev/server-build";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import express from "express";
import type { SessionUser } from "../auth/access";
import { routeMatcher } from "../auth/route-params";
import { refreshAssessments } from "../models/assessment-index.server";
import { readConfig, startupProblems } from "./config.server";
import { getDb } from "./db.server";
import { compressResponses } from "./encodings.server";
import { sweepFiles } from "./files.server";
import { canonicalPaths, guard, refuse } from "./guard.server";
import { publicHost } from "./host.server";
import { answerFromPageCache, currentPageState, pageCache } from "./page-cache.server";
import { BOOTSTRAP_ITALIA_BASE } from "./public-assets";
import { publicPages } from "./public-pages.server";
import { remixHandler } from "./remix-handler.server";
import { requestContext } from "./request-context.server";
import { requestLog } from "./request-log.server";
import { securityHeaders } from "./security-headers.server";
import { holdDataFolderForServer } from "./server-lock.server";
import { IMMUTABLE, staticAssets } from "./static-assets.server";

declare module "@remix-run/node" {
  // Single fetch types for loaders and actions (future.v3_singleFetch in remix.config.js).
  interface Future {
    v3_singleFetch: true;
  }
}

const serverBuild = build as unknown as ServerBuild;
const config = (() => {
  try {
    const read = readConfig();
    const problems = startupProblems(read, existsSync(read.sessionSecretFile));
    if (problems.length) throw new Error(`Configurazione non valida:\n${problems.join("\n")}`);
    return read;
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
})();
holdDataFolderForServer(config.dataDir);
// What an interrupted upload or save left in the files folder is removed before serving.
const swept = sweepFiles(getDb(), config.filesDir);
if (swept > 0) console.log(`File lasciati da un'interruzione rimossi: ${swept}`);
// Stored assessments a new rule version or an outside write left stale: refreshed before
// serving, so no list request has to.
const refreshed = refreshAssessments(getDb());
if (refreshed > 0) console.log(`Valutazioni dei progetti aggiornate: ${refreshed}`);

const app = express();
app.disable("x-powered-by");
app.use(publicHost(config));
app.use(requestLog);
app.use(securityHeaders);
const matchRoute = routeMatcher(serverBuild.routes);
app.use(canonicalPaths(matchRoute));
if (process.env.NODE_ENV === "development") {
  // `remix dev` rebuilds the assets while the server runs: read them from disk.
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));
} else {
  app.use("/build", staticAssets("public/build", { cacheControl: IMMUTABLE }));
  const outsideBuild = (file: string) => !file.startsWith("build/");
  app.use(staticAssets("public", { cacheControl: "public, max-age=3600", include: outsideBuild }));
}
// The public pages' fonts (their stylesheet is in /build).
app.use(
  `${BOOTSTRAP_ITALIA_BASE}/fonts`,
  staticAssets("node_modules/bootstrap-italia/dist/fonts", {
    cacheControl: IMMUTABLE,
    include: (file) => file.endsWith(".woff2"),
  }),
);
app.use(compressResponses());
// Public pages: no session, answered 304 or from memory while the data is unchanged.
app.use("/attuazione", publicPages(serverBuild));
app.use(guard);
app.all(
  "*",
  remixHandler({
    build: serverBuild,
    matchRoute,
    origin: () => config.publicUrl,
    refuse,
    pages: {
      cache: pageCache,
      state: () => currentPageState(config),
      viewer: (res) => (res.locals.user as SessionUser | null)?.id ?? null,
    },
    getLoadContext: (req, res) =>
      requestContext({
        db: getDb(),
        config,
        user: (res.locals.user as SessionUser | null) ?? null,
        clientAddress: req.ip ?? "sconosciuto",
      }),
  }),
);

// A page kept for this request's viewer is answered before Express; the rest goes through it.
const fromCache = answerFromPageCache(config);
const server = createServer((req, res) => {
  const passOn = (answered: boolean) => answered || app(req, res);
  const failed = (error: unknown) => {
    console.error(error);
    if (!res.headersSent) app(req, res);
  };
  try {
    const answered = fromCache(req, res);
    if (typeof answered === "boolean") passOn(answered);
    else answered.then(passOn, failed);
  } catch (error) {
    failed(error);
  }
});
const { port, host } = config;
server.listen(port, host, () => {
  console.log(
    `Cruscotto PNRR in ascolto su http://${host === "0.0.0.0" ? "localhost" : host}:${port}`,
  );
  if (process.env.NODE_ENV === "development") broadcastDevReady(serverBuild);
});
