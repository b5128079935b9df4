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
 * public pages work without JavaScript, so they are declared in CSS.
 */
export const FONT_FACES = [
  font("Titillium Web", "Titillium_Web/titillium-web-v10-latin-ext_latin-300", 300),
  font("Titillium Web", "Titillium_Web/titillium-web-v10-latin-ext_latin-regular", 400),
  font("Titillium Web", "Titillium_Web/titillium-web-v10-latin-ext_latin-600", 600),
  font("Titillium Web", "Titillium_Web/titillium-web-v10-latin-ext_latin-700", 700),
  font("Lora", "Lora/lora-v20-latin-ext_latin-regular", 400),
  font("Lora", "Lora/lora-v20-latin-ext_latin-700", 700),
].join("\n");

/** Fonts and a few rules of our own for the public pages. */
export const PUBLIC_CSS = `${FONT_FACES}
.attuazione-card{border-left:4px solid #0066cc;padding:1rem 1.25rem;margin-bottom:1rem;background:#fff;box-shadow:0 2px 8px rgba(0,0,0,.08)}
.attuazione-steps{list-style:none;padding-left:1.25rem;border-left:3px solid #0066cc}
.attuazione-steps li{margin-bottom:1rem}
.footer-data a{color:#fff}
`;

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

/** Stylesheets of a public page; ours is named by its content, so it can be cached for a year. */
export const PUBLIC_STYLESHEETS = [
  `${BOOTSTRAP_ITALIA_BASE}/css/bootstrap-italia.min.css`,
  `/attuazione/stili.css?v=${fnv1a(PUBLIC_CSS)}`,
];
