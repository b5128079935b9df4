/**
 * Builds the public pages' stylesheet from Bootstrap Italia's Sass sources
 * (app/features/attuazione/public.scss) with the fonts' declarations, into
 * app/features/attuazione/public.generated.css (not in git). Remix then fingerprints it into
 * public/build, served for a year. Run by `npm run build` before `remix build`.
 *   tsx scripts/build-public-css.ts
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { compile } from "sass";
import { FONT_FACES } from "../app/infra/public-assets";

const ROOT = path.resolve(import.meta.dirname, "..");
const SOURCE = path.join(ROOT, "app/features/attuazione/public.scss");
const TARGET = path.join(ROOT, "app/features/attuazione/public.generated.css");

const { css } = compile(SOURCE, {
  loadPaths: [path.join(ROOT, "node_modules/bootstrap-italia/src/scss")],
  style: "compressed",
  // Bootstrap Italia still uses @import and global functions; its deprecations are its own.
  quietDeps: true,
  silenceDeprecations: ["import"],
});
// Sass marks non-ASCII output with a byte-order mark, valid only at the start of the file.
writeFileSync(TARGET, `@charset "UTF-8";\n${FONT_FACES}\n${css.replace(/^\uFEFF/, "")}\n`);
console.log(`${path.relative(ROOT, TARGET)}: ${Buffer.byteLength(css)} byte`);
