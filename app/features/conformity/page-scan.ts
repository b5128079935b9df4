/**
 * One linear pass over a home page, collecting only what the site criteria look at. The page
 * comes from a site we do not control: a tree-building parser re-nests unclosed tags in time
 * quadratic in their number (and htmlparser2's own Parser keeps its stack with unshift/indexOf,
 * quadratic in depth too), so this drives htmlparser2's Tokenizer and keeps a stack whose every
 * step is O(1): a page of N bytes costs O(N) whatever its tags. Pure: no I/O.
 */
import { Tokenizer } from "htmlparser2";

/** What the criteria need from the page. */
export interface PageScan {
  /** The HTML actually examined: the page, or its first MAX_SCANNED_BYTES. */
  html: string;
  /** The page was longer than MAX_SCANNED_BYTES and only its beginning was examined. */
  truncated: boolean;
  /** Texts of the inline scripts, joined by newlines. */
  scripts: string;
  /** href of every <link rel="stylesheet">, in order, and whether it sits in the <head>. */
  stylesheets: { href: string; inHead: boolean }[];
  /** href ("" when missing) of the first element carrying each data-element value. */
  dataElements: Map<string, string>;
  /** Texts of the data-element="menu-item" elements, normalized, in order. */
  menuItems: string[];
  /** Texts of the links inside the first <nav>, normalized, in order. */
  navLinks: string[];
}

/** Beyond this the page is judged on its beginning: a home page's head and menus come first. */
export const MAX_SCANNED_BYTES = 2 * 1024 * 1024;
/** A menu label longer than this matches no expected label and is shown cut anyway. */
const MAX_TEXT = 200;

const VOID = new Set(
  "area base basefont br col command embed frame hr img input isindex keygen link meta param source track wbr".split(
    " ",
  ),
);
const P_CLOSERS =
  "address article aside blockquote details div dl fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr main nav ol p pre section table ul".split(
    " ",
  );
/** Opening the key closes an open element of these names on top of the stack (as browsers do). */
const OPEN_IMPLIES_CLOSE = new Map<string, Set<string>>([
  ["body", new Set(["head"])],
  ["li", new Set(["li"])],
  ["dt", new Set(["dt", "dd"])],
  ["dd", new Set(["dt", "dd"])],
  ["option", new Set(["option"])],
  ["tr", new Set(["tr", "td", "th"])],
  ["td", new Set(["td", "th"])],
  ["th", new Set(["td", "th"])],
  ...P_CLOSERS.map((name): [string, Set<string>] => [name, new Set(["p"])]),
]);

/** The first maxBytes of text as UTF-8, or null when it is not longer than that. */
function firstBytes(text: string, maxBytes: number): string | null {
  // A UTF-16 unit is at most 3 UTF-8 bytes: most pages need no encoding to know.
  if (text.length * 3 <= maxBytes) return null;
  const bytes = new TextEncoder().encode(text);
  if (bytes.length <= maxBytes) return null;
  // A character cut in two becomes U+FFFD, harmless at the very end.
  return new TextDecoder().decode(bytes.subarray(0, maxBytes));
}

/** Gathers an element's text as it streams by, whitespace collapsed, at most MAX_TEXT long. */
class TextCollector {
  private text = "";
  /** The stack depth of the element: it ends when the stack drops below it. */
  constructor(readonly depth: number) {}
  add(chunk: string) {
    if (this.text.length > MAX_TEXT) return;
    const piece = chunk.replace(/\s+/g, " ");
    this.text += this.text.endsWith(" ") && piece.startsWith(" ") ? piece.slice(1) : piece;
  }
  done(): string {
    return this.text.trim().slice(0, MAX_TEXT).toLowerCase();
  }
}

export function scanPage(page: string, maxBytes = MAX_SCANNED_BYTES): PageScan {
  const cut = firstBytes(page, maxBytes);
  const html = cut ?? page;
  const scan: PageScan = {
    html,
    truncated: cut !== null,
    scripts: "",
    stylesheets: [],
    dataElements: new Map(),
    menuItems: [],
    navLinks: [],
  };
  const scripts: string[] = [];

  // Open elements, innermost last, with how many of each name are open: a closing tag with no
  // open match is dropped in O(1) instead of searching the stack.
  const stack: string[] = [];
  const open = new Map<string, number>();
  let headDepth = -1; // stack index of the open <head>, or -1
  let navDepth = -1; // stack index of the first <nav> while open, or -1
  let navSeen = false;
  let menuItem: TextCollector | null = null;
  let navLink: TextCollector | null = null;

  const push = (name: string) => {
    stack.push(name);
    open.set(name, (open.get(name) ?? 0) + 1);
  };
  const pop = () => {
    const name = stack.pop();
    if (name === undefined) return;
    open.set(name, (open.get(name) ?? 1) - 1);
    // Two scripts' texts never run into one another.
    if (name === "script") scripts.push("\n");
    const depth = stack.length;
    if (depth === headDepth) headDepth = -1;
    if (depth === navDepth) navDepth = -1;
    if (menuItem && depth === menuItem.depth) {
      scan.menuItems.push(menuItem.done());
      menuItem = null;
    }
    if (navLink && depth === navLink.depth) {
      scan.navLinks.push(navLink.done());
      navLink = null;
    }
  };
  const text = (chunk: string) => {
    const current = stack[stack.length - 1];
    if (current === "script") scripts.push(chunk);
    menuItem?.add(chunk);
    navLink?.add(chunk);
  };

  let tag = "";
  let attributes = new Map<string, string>();
  let attribute = "";
  let value = "";
  const openTag = () => {
    const closes = OPEN_IMPLIES_CLOSE.get(tag);
    while (closes?.has(stack[stack.length - 1] ?? "")) pop();
    const dataElement = attributes.get("data-element");
    if (dataElement !== undefined && !scan.dataElements.has(dataElement))
      scan.dataElements.set(dataElement, attributes.get("href") ?? "");
    if (
      tag === "link" &&
      (attributes.get("rel") ?? "").toLowerCase().split(/\s+/).includes("stylesheet")
    )
      scan.stylesheets.push({ href: attributes.get("href") ?? "", inHead: headDepth !== -1 });
    if (VOID.has(tag)) return;
    const depth = stack.length;
    push(tag);
    if (tag === "head" && headDepth === -1) headDepth = depth;
    if (tag === "nav" && !navSeen) {
      navSeen = true;
      navDepth = depth;
    }
    // One collector of each kind at a time: a menu item nested in a menu item counts as its text.
    if (dataElement === "menu-item" && !menuItem) menuItem = new TextCollector(depth);
    if (tag === "a" && navDepth !== -1 && !navLink) navLink = new TextCollector(depth);
  };

  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, end) {
        tag = html.slice(start, end).toLowerCase();
        attributes = new Map();
      },
      onattribname(start, end) {
        attribute = html.slice(start, end).toLowerCase();
        value = "";
      },
      onattribdata(start, end) {
        value += html.slice(start, end);
      },
      onattribentity(codepoint) {
        value += String.fromCodePoint(codepoint);
      },
      onattribend() {
        // As in browsers, the first of repeated attributes wins.
        if (!attributes.has(attribute)) attributes.set(attribute, value);
      },
      onopentagend: openTag,
      // <div/> leaves a div open in HTML; void elements are never pushed anyway.
      onselfclosingtag: openTag,
      onclosetag(start, end) {
        const name = html.slice(start, end).toLowerCase();
        if (!open.get(name)) return;
        while (stack.length > 0 && stack[stack.length - 1] !== name) pop();
        pop();
      },
      ontext(start, end) {
        text(html.slice(start, end));
      },
      ontextentity(codepoint) {
        text(String.fromCodePoint(codepoint));
      },
      oncomment() {},
      oncdata() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {
        while (stack.length > 0) pop();
      },
    },
  );
  tokenizer.write(html);
  tokenizer.end();
  scan.scripts = scripts.join("");
  return scan;
}
