/**
 * Builds the stylesheets from Bootstrap Italia's Sass sources with the fonts' declarations:
 * the public pages' (app/features/attuazione/public.scss) and the signed-in area's
 * (app/styles/app.scss), each into a *.generated.css beside it (not in git). Remix then
 * fingerprints them into public/build, served for a year. Run by `npm run build` before
 * `remix build`.
 *   tsx scripts/build-public-css.ts
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { compile } from "sass";
import { FONT_FACES } from "../app/infra/public-assets";

const ROOT = path.resolve(import.meta.dirname, "..");
const SOURCES = ["app/features/attuazione/public.scss", "app/styles/app.scss"];

for (const source of SOURCES) {
  const target = path.join(ROOT, source.replace(/\.scss$/, ".generated.css"));
  const { css } = compile(path.join(ROOT, source), {
    loadPaths: [path.join(ROOT, "node_modules/bootstrap-italia/src/scss")],
    style: "compressed",
    // Bootstrap Italia still uses @import and global functions; its deprecations are its own.
    quietDeps: true,
    silenceDeprecations: ["import"],
  });
  // Sass marks non-ASCII output with a byte-order mark, valid only at the start of the file.
  writeFileSync(target, `@charset "UTF-8";\n${FONT_FACES}\n${css.replace(/^\uFEFF/, "")}\n`);
  console.log(`${path.relative(ROOT, target)}: ${Buffer.byteLength(css)} byte`);
}
