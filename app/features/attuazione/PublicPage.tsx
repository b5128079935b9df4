/**
 * The page frame of the Designers Italia model for comuni (Bootstrap Italia): slim header
 * with the owning administration, the site's name, breadcrumbs, footer with the EU emblem
 * and funding statement and the comune's own accessibility and privacy links. The embed
 * variant, meant for an iframe in the comune's own site, keeps the content and the emblem.
 */
import type { ReactNode } from "react";
import { formatDate } from "~/domain/format";
import { EuFunding } from "./EuFunding";

export interface Crumb {
  label: string;
  /** Where it leads; the last crumb is the page itself and is never a link. */
  href?: string;
}

export interface FooterLinks {
  accessibilityUrl: string | null;
  privacyUrl: string | null;
}

export function PublicPage({
  owner,
  title,
  tagline,
  home,
  crumbs,
  embed = false,
  lastUpdated = null,
  children,
  dataLinks = [],
  footerLinks = null,
  staffLink = false,
}: {
  /** Who publishes the page ("Comune di Pisa"), in the slim header and the footer. */
  owner: string;
  /** The site's name in the header. */
  title: string;
  tagline: string;
  /** Where the header's name leads. */
  home: string;
  crumbs: Crumb[];
  embed?: boolean;
  lastUpdated?: string | null;
  children: ReactNode;
  dataLinks?: { label: string; href: string }[];
  footerLinks?: FooterLinks | null;
  /** The way in for the staff, on the pages that are the site's own home. */
  staffLink?: boolean;
}) {
  const updated = lastUpdated ? (
    <p className="text-secondary small mt-4">
      Ultimo aggiornamento:{" "}
      <time dateTime={lastUpdated.slice(0, 10)}>{formatDate(lastUpdated)}</time>
    </p>
  ) : null;
  const data =
    dataLinks.length > 0 ? (
      <p className="small">
        Dati aperti:{" "}
        {dataLinks.map((l, i) => (
          <span key={l.href}>
            {i > 0 ? " · " : null}
            <a href={l.href}>{l.label}</a>
          </span>
        ))}
      </p>
    ) : null;
  if (embed) {
    return (
      <main className="container py-3" id="main-container">
        {children}
        {updated}
        {data}
        <EuFunding />
      </main>
    );
  }
  const smallPrints = [
    footerLinks?.privacyUrl ? { label: "Informativa privacy", href: footerLinks.privacyUrl } : null,
    footerLinks?.accessibilityUrl
      ? { label: "Dichiarazione di accessibilità", href: footerLinks.accessibilityUrl }
      : null,
  ].filter((l): l is { label: string; href: string } => l !== null);
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
                  <span className="navbar-brand">{owner}</span>
                  {staffLink ? (
                    <div className="it-header-slim-right-zone">
                      <a href="/accedi">Accesso per il personale</a>
                    </div>
                  ) : null}
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
                          <div className="it-brand-title">{title}</div>
                          <div className="it-brand-tagline d-none d-md-block">{tagline}</div>
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
        {crumbs.length > 0 ? (
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
        ) : null}
        {children}
        {updated}
      </main>
      <footer className="it-footer">
        <div className="it-footer-main">
          <div className="container py-4">
            <EuFunding />
            <p className="mb-2 mt-3 text-white">
              <strong>{owner}</strong>
            </p>
            <p className="small text-white mb-2">
              Progetti del Piano Nazionale di Ripresa e Resilienza (PNRR).
            </p>
            {data ? <div className="small text-white footer-data">{data}</div> : null}
          </div>
        </div>
        {smallPrints.length > 0 ? (
          <div className="it-footer-small-prints clearfix">
            <div className="container">
              <ul className="it-footer-small-prints-list list-inline mb-0 d-flex flex-column flex-md-row">
                {smallPrints.map((l) => (
                  <li key={l.label} className="list-inline-item">
                    <a href={l.href}>{l.label}</a>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        ) : null}
      </footer>
    </>
  );
}
