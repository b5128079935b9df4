import { SERVIZI } from "~/domain/services";

/** The 26 services as checkboxes; `only` narrows the choice (e.g. services in force). */
export function ServicesPicker({
  name,
  legend,
  selected,
  error,
  only,
}: {
  name: string;
  legend: string;
  selected: readonly number[];
  error?: string;
  only?: readonly number[];
}) {
  const choices = only ? SERVIZI.filter((s) => only.includes(s.id)) : SERVIZI;
  return (
    <fieldset
      className={`field${error ? " field-error" : ""}`}
      aria-describedby={error ? `${name}-error` : undefined}
    >
      <legend>{legend}</legend>
      {error ? (
        <p id={`${name}-error`} className="error-message">
          {error}
        </p>
      ) : null}
      <div className="checkbox-grid">
        {choices.map((s) => (
          <label key={s.id}>
            <input
              type="checkbox"
              name={name}
              value={s.id}
              defaultChecked={selected.includes(s.id)}
            />{" "}
            {s.id}. {s.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
