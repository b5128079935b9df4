import { Link, useLocation } from "@remix-run/react";
import { formatInteger } from "~/domain/format";
import type { Page } from "~/forms/paging";
import { pageLinks, pageSearch } from "~/forms/paging";

/**
 * Links to the other pages of a list, keeping the filters of the URL: plain links, so it
 * works without JavaScript; the current page is marked for assistive technologies.
 */
export function Pagination({ page, label }: { page: Page; label: string }) {
  const { pathname, search } = useLocation();
  if (page.pages <= 1) return null;
  const href = (n: number) => `${pathname}${pageSearch(search, n)}`;
  return (
    <nav className="pagination" aria-label={`Pagine: ${label}`}>
      <ul>
        {page.number > 1 ? (
          <li>
            <Link to={href(page.number - 1)} rel="prev">
              Precedente
            </Link>
          </li>
        ) : null}
        {pageLinks(page.number, page.pages).map((n, i) =>
          n === null ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: gaps have no identity but their place
            <li key={`gap-${i}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={n}>
              {n === page.number ? (
                <span aria-current="page">{n}</span>
              ) : (
                <Link to={href(n)} aria-label={`Pagina ${n}`}>
                  {n}
                </Link>
              )}
            </li>
          ),
        )}
        {page.number < page.pages ? (
          <li>
            <Link to={href(page.number + 1)} rel="next">
              Successiva
            </Link>
          </li>
        ) : null}
      </ul>
      <p className="muted">
        Pagina {page.number} di {page.pages} ({formatInteger(page.total)} in tutto)
      </p>
    </nav>
  );
}
