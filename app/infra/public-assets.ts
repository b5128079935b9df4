/**
 * Bootstrap Italia, served from our own origin (no CDN) under a versioned path so browsers
 * and CDNs may cache it for a year. A unit test checks the version against the package.
 */
export const BOOTSTRAP_ITALIA_VERSION = "2.18.3";
export const BOOTSTRAP_ITALIA_BASE = `/static/bootstrap-italia/${BOOTSTRAP_ITALIA_VERSION}`;

const font = (family: string, file: string, weight: number, style = "normal") =>
  `@font-face{font-family:"${family}";font-style:${style};font-weight:${weight};font-display:swap;` +
  `src:url("${BOOTSTRAP_ITALIA_BASE}/fonts/${file}.woff2") format("woff2")}`;

/**
 * The fonts of the Designers Italia model. Bootstrap Italia 2 loads them with a script; our
 * public pages work without JavaScript, so scripts/build-public-css.ts puts these
 * declarations at the top of the public stylesheet.
 */
export const FONT_FACES = [
  font("Titillium Web", "Titillium_Web/titillium-web-v10-latin-ext_latin-300", 300),
  font("Titillium Web", "Titillium_Web/titillium-web-v10-latin-ext_latin-regular", 400),
  font("Titillium Web", "Titillium_Web/titillium-web-v10-latin-ext_latin-600", 600),
  font("Titillium Web", "Titillium_Web/titillium-web-v10-latin-ext_latin-700", 700),
  font("Lora", "Lora/lora-v20-latin-ext_latin-regular", 400),
  font("Lora", "Lora/lora-v20-latin-ext_latin-700", 700),
].join("\n");
