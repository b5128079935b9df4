/**
 * The signed-in area's header in the Designers Italia model (Bootstrap Italia): slim band
 * with the measure and the account, centre band with the app's name, then the navigation.
 * Pages carry no script, so the navigation is a plain list of links that wraps on a phone
 * instead of Bootstrap Italia's collapsing menu. Also rendered to a string for the guard's
 * error pages (app/infra/error-page.server.ts): plain anchors and forms only.
 */
import { ROLE_LABELS, type Role } from "~/auth/access";

export interface HeaderUser {
  name: string;
  role: Role;
}

export function AppHeader({ user }: { user: HeaderUser | null }) {
  const links: { href: string; label: string }[] = user
    ? [
        { href: "/", label: "Progetti" },
        { href: "/scadenze", label: "Scadenze" },
        { href: "/riconciliazione", label: "Riconciliazione" },
        { href: "/nazionale", label: "Panoramica nazionale" },
        ...(user.role === "admin" || user.role === "coordinatore"
          ? [{ href: "/unioni", label: "Unioni" }]
          : []),
        ...(user.role === "admin"
          ? [
              { href: "/admin/utenti", label: "Utenti" },
              { href: "/admin/importa", label: "Importa" },
              { href: "/admin/avvisi", label: "Avvisi" },
              { href: "/admin/backup", label: "Backup" },
            ]
          : []),
      ]
    : [];
  return (
    <header className="it-header-wrapper app-header no-print">
      <div className="it-header-slim-wrapper">
        <div className="container">
          <div className="it-header-slim-wrapper-content">
            <span className="navbar-brand">PNRR · PA digitale 2026</span>
            {user ? (
              <div className="it-header-slim-right-zone app-account">
                <span>
                  {user.name} ({ROLE_LABELS[user.role]})
                </span>
                <a href="/account/password">Cambia password</a>
                {/* A plain post: signing out must not be a link a crawler could follow. */}
                <form method="post" action="/esci">
                  <button type="submit" className="btn btn-primary btn-sm">
                    Esci
                  </button>
                </form>
              </div>
            ) : null}
          </div>
        </div>
      </div>
      <div className="it-nav-wrapper">
        <div className="it-header-center-wrapper it-small-header">
          <div className="container">
            <div className="it-header-center-content-wrapper">
              <div className="it-brand-wrapper">
                <a href="/">
                  <div className="it-brand-text">
                    <div className="it-brand-title">Cruscotto PNRR</div>
                    <div className="it-brand-tagline">
                      Esperienza del cittadino nei servizi pubblici
                    </div>
                  </div>
                </a>
              </div>
            </div>
          </div>
        </div>
        {links.length ? (
          <nav className="app-nav" aria-label="Navigazione principale">
            <div className="container">
              <ul className="nav">
                {links.map((l) => (
                  <li key={l.href} className="nav-item">
                    <a className="nav-link" href={l.href}>
                      {l.label}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          </nav>
        ) : null}
      </div>
    </header>
  );
}
