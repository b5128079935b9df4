import type { StepWarning } from "~/domain/step-checks";

/**
 * The box at the top of a failed form (GOV.UK / Designers Italia pattern): how many errors,
 * each linked to its field by id. It takes the focus when the page loads (`autoFocus`, no
 * script), so a keyboard or screen reader user starts from what went wrong. With no errors
 * but warnings to confirm, it lists those and links to their "Confermo" boxes.
 */
export function ErrorSummary({
  errors,
  warnings,
  targets = {},
}: {
  errors: Record<string, string> | undefined;
  warnings?: readonly StepWarning[] | undefined;
  /** The element id of a field whose id is not its name (e.g. an error about a hidden field). */
  targets?: Record<string, string>;
}) {
  const entries = Object.entries(errors ?? {});
  const toConfirm = entries.length === 0 ? (warnings ?? []) : [];
  if (entries.length === 0 && toConfirm.length === 0) return null;
  const title =
    entries.length === 0
      ? "Da confermare prima di salvare"
      : entries.length === 1
        ? "C'è un errore"
        : `Ci sono ${entries.length} errori`;
  return (
    <div
      className="error-summary"
      role="alert"
      aria-labelledby="riepilogo-errori"
      tabIndex={-1}
      // biome-ignore lint/a11y/noAutofocus: focus on the summary after a failed submit is the pattern
      autoFocus
    >
      <h2 id="riepilogo-errori">{title}</h2>
      <ul>
        {entries.map(([field, message]) =>
          field === "_form" ? (
            <li key={field}>{message}</li>
          ) : (
            <li key={field}>
              <a href={`#${targets[field] ?? field}`}>{message}</a>
            </li>
          ),
        )}
        {toConfirm.map((w) => (
          <li key={w.code}>
            <a href={`#${confirmId(w.code)}`}>{w.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const confirmId = (code: string) => `conferma-${code}`;

/**
 * The warnings of an unusual sequence, inside the form: each needs its "Confermo: …" box
 * ticked before the next submit saves. Ticked boxes stay ticked if the form comes back.
 */
export function ConfirmWarnings({
  warnings,
  confirmed = [],
}: {
  warnings: readonly StepWarning[] | undefined;
  confirmed?: readonly string[];
}) {
  if (!warnings?.length) return null;
  return (
    <fieldset className="confirm-warnings">
      <legend>Controlla prima di salvare</legend>
      {warnings.map((w) => (
        <div key={w.code} className="field checkbox">
          <p className="warning-message">{w.message}</p>
          <input
            type="checkbox"
            id={confirmId(w.code)}
            name="conferma"
            value={w.code}
            defaultChecked={confirmed.includes(w.code)}
          />{" "}
          <label htmlFor={confirmId(w.code)}>Confermo: {w.confirm}</label>
        </div>
      ))}
    </fieldset>
  );
}
