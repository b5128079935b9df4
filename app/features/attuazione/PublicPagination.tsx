/**
 * Links to the other pages of a public list (Bootstrap Italia's pagination): plain links
 * that keep the search, the current page marked for assistive technologies.
 */
import { type Page, pageLinks, pageSearch } from "~/forms/paging";

export function PublicPagination({
  page,
  search,
  path,
  label,
}: {
  page: Page;
  /** The query string of the current page, without "?". */
  search: string;
  path: string;
  label: string;
}) {
  if (page.pages <= 1) return null;
  const href = (n: number) => `${path}${pageSearch(search, n).replace(/^\?$/, "")}`;
  return (
    <nav className="pagination-wrapper mt-4" aria-label={`Pagine: ${label}`}>
      <ul className="pagination flex-wrap">
        {page.number > 1 ? (
          <li className="page-item">
            <a className="page-link" href={href(page.number - 1)} rel="prev">
              Precedente
            </a>
          </li>
        ) : null}
        {pageLinks(page.number, page.pages).map((n, i) =>
          n === null ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: gaps have no identity but their place
            <li key={`gap-${i}`} className="page-item" aria-hidden="true">
              <span className="page-link">…</span>
            </li>
          ) : (
            <li key={n} className="page-item">
              {n === page.number ? (
                <a className="page-link" href={href(n)} aria-current="page">
                  <span className="visually-hidden">Pagina </span>
                  {n}
                </a>
              ) : (
                <a className="page-link" href={href(n)}>
                  <span className="visually-hidden">Pagina </span>
                  {n}
                </a>
              )}
            </li>
          ),
        )}
        {page.number < page.pages ? (
          <li className="page-item">
            <a className="page-link" href={href(page.number + 1)} rel="next">
              Successiva
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
