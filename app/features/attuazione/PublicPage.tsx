/**
 * The page frame of the Designers Italia model for comuni (Bootstrap Italia): slim header
 * with the owning administration, the comune's name, breadcrumbs, footer. The embed
 * variant, meant for an iframe in the comune's own site, keeps only the content.
 */
import type { ReactNode } from "react";
import { formatDate } from "~/domain/format";

export interface Crumb {
  label: string;
  href?: string;
}

export function PublicPage({
  comune,
  home,
  crumbs,
  embed,
  lastUpdated,
  children,
  dataLinks,
}: {
  comune: string;
  /** The comune's "Attuazione misure PNRR" page, where the header's name leads. */
  home: string;
  crumbs: Crumb[];
  embed: boolean;
  lastUpdated: string | null;
  children: ReactNode;
  dataLinks: { label: string; href: string }[];
}) {
  const updated = lastUpdated ? (
    <p className="text-secondary small mt-4">
      Ultimo aggiornamento:{" "}
      <time dateTime={lastUpdated.slice(0, 10)}>{formatDate(lastUpdated)}</time>
    </p>
  ) : null;
  const data = (
    <p className="small">
      Dati aperti:{" "}
      {dataLinks.map((l, i) => (
        <span key={l.href}>
          {i > 0 ? " · " : null}
          <a href={l.href}>{l.label}</a>
        </span>
      ))}
    </p>
  );
  if (embed) {
    return (
      <main className="container py-3" id="main-container">
        {children}
        {updated}
        {data}
      </main>
    );
  }
  return (
    <>
      <a className="visually-hidden-focusable" href="#main-container">
        Vai al contenuto
      </a>
      <header className="it-header-wrapper">
        <div className="it-header-slim-wrapper">
          <div className="container">
            <div className="row">
              <div className="col-12">
                <div className="it-header-slim-wrapper-content">
                  <span className="navbar-brand">Comune di {comune}</span>
                </div>
              </div>
            </div>
          </div>
        </div>
        <div className="it-nav-wrapper">
          <div className="it-header-center-wrapper">
            <div className="container">
              <div className="row">
                <div className="col-12">
                  <div className="it-header-center-content-wrapper">
                    <div className="it-brand-wrapper">
                      <a href={home}>
                        <div className="it-brand-text">
                          <div className="it-brand-title">Comune di {comune}</div>
                          <div className="it-brand-tagline d-none d-md-block">
                            Attuazione misure PNRR
                          </div>
                        </div>
                      </a>
                    </div>
                  </div>
                </div>
              </div>
            </div>
          </div>
        </div>
      </header>
      <main id="main-container" className="container my-4">
        <nav className="breadcrumb-container" aria-label="Percorso di navigazione">
          <ol className="breadcrumb p-0">
            {crumbs.map((c, i) => {
              const last = i === crumbs.length - 1;
              return (
                <li
                  key={c.label}
                  className={`breadcrumb-item${last ? " active" : ""}`}
                  aria-current={last ? "page" : undefined}
                >
                  {c.href && !last ? <a href={c.href}>{c.label}</a> : c.label}
                  {last ? null : <span className="separator">/</span>}
                </li>
              );
            })}
          </ol>
        </nav>
        {children}
        {updated}
      </main>
      <footer className="it-footer">
        <div className="it-footer-main">
          <div className="container py-4">
            <p className="mb-2 text-white">
              <strong>Comune di {comune}</strong>
            </p>
            <p className="small text-white mb-2">
              Progetti finanziati dall'Unione europea – NextGenerationEU, nell'ambito del Piano
              Nazionale di Ripresa e Resilienza (PNRR).
            </p>
            <div className="small text-white footer-data">{data}</div>
          </div>
        </div>
      </footer>
    </>
  );
}
