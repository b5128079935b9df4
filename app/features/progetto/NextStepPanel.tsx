import { Link } from "@remix-run/react";
import { formatDate } from "~/domain/format";
import { type Guidance, STEP_ACTOR_LABELS } from "~/domain/next-step";

/**
 * "Prossimo passo": what the progetto needs next, who does it and by when, with one button
 * for it (editors only); the pages that fit now, and the rest under "Altre azioni".
 */
export function NextStepPanel({ guidance, editable }: { guidance: Guidance; editable: boolean }) {
  const { next, now, others } = guidance;
  // The next step's page is the button; the list repeats none of it.
  const alsoNow = next ? now.filter((l) => l.key !== next.action.key) : now;
  return (
    <section aria-labelledby="prossimo-passo" className="next-step">
      <h2 id="prossimo-passo">Prossimo passo</h2>
      {next ? (
        <>
          <p>
            <strong>{next.what}</strong>
          </p>
          <dl className="facts">
            <dt>Chi</dt>
            <dd>{capitalized(STEP_ACTOR_LABELS[next.who])}</dd>
            <dt>Entro</dt>
            <dd>
              {next.by ? (
                <time dateTime={next.by}>{formatDate(next.by)}</time>
              ) : (
                "nessuna scadenza fissata"
              )}
            </dd>
          </dl>
          {editable ? (
            <p>
              <Link to={next.action.href} className="btn btn-primary">
                {next.action.label}
              </Link>
            </p>
          ) : null}
        </>
      ) : (
        <p>Nessun passaggio da registrare.</p>
      )}
      {editable ? (
        <>
          {alsoNow.length ? (
            <nav aria-label="Passaggi utili ora" className="actions">
              {alsoNow.map((l) => (
                <Link key={l.key} to={l.href}>
                  {l.label}
                </Link>
              ))}
            </nav>
          ) : null}
          <details>
            <summary>Altre azioni</summary>
            <ul>
              {others.map((l) => (
                <li key={l.key}>
                  <Link to={l.href}>{l.label}</Link>
                </li>
              ))}
            </ul>
          </details>
        </>
      ) : null}
    </section>
  );
}

const capitalized = (text: string) => text.replace(/^./, (c) => c.toUpperCase());
