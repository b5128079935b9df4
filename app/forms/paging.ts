/** Server-side pages of a list: the page asked for in the URL (?pagina=N) and its rows. */
export const PAGE_SIZE = 50;

export interface Page {
  /** 1-based; a page past the end is kept (and shows no rows), never an error. */
  number: number;
  size: number;
  total: number;
  pages: number;
  offset: number;
}

export function pageOf(params: URLSearchParams, total: number, size = PAGE_SIZE): Page {
  const asked = Number(params.get("pagina"));
  const number = Number.isSafeInteger(asked) && asked >= 1 ? asked : 1;
  return {
    number,
    size,
    total,
    pages: Math.max(1, Math.ceil(total / size)),
    offset: (number - 1) * size,
  };
}

/** The query string of another page, keeping every filter of the current one. */
export function pageSearch(params: URLSearchParams | string, number: number): string {
  const next = new URLSearchParams(params);
  next.delete("index");
  if (number <= 1) next.delete("pagina");
  else next.set("pagina", String(number));
  const search = next.toString();
  return search ? `?${search}` : "?";
}

/**
 * The page numbers to link: the first, the last and those around the current one, with null
 * for the gaps, so a list of 2,000 pages still has a handful of links.
 */
export function pageLinks(current: number, pages: number): (number | null)[] {
  const shown = new Set([1, pages, current - 1, current, current + 1]);
  const links: (number | null)[] = [];
  for (let n = 1; n <= pages; n++) {
    if (!shown.has(n)) {
      if (links[links.length - 1] !== null) links.push(null);
      continue;
    }
    links.push(n);
  }
  return links;
}
