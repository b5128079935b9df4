import { ROLE_LABELS, type Role } from "~/auth/access";
import { Field } from "./Field";

interface Choices {
  unioni: { id: number; name: string }[];
  comuni: { id: number; name: string }[];
}

export interface UtenteValues {
  email: string;
  name: string;
  role: Role | "";
  unioneId: number | null;
  comuneIds: number[];
  active: boolean;
}

/** The fields of an account: identity, role and its scope. */
export function UtenteFields({
  values,
  errors,
  choices,
  withActive,
}: {
  values: UtenteValues;
  errors: Record<string, string>;
  choices: Choices;
  withActive: boolean;
}) {
  return (
    <>
      <Field
        name="email"
        label="Email"
        type="email"
        required
        defaultValue={values.email}
        error={errors.email}
      />
      <Field
        name="name"
        label="Nome e cognome"
        required
        defaultValue={values.name}
        error={errors.name}
      />
      <div className="field">
        <label htmlFor="role">Ruolo</label>
        <select id="role" name="role" defaultValue={values.role} required>
          <option value="">Scegli…</option>
          {Object.entries(ROLE_LABELS).map(([role, label]) => (
            <option key={role} value={role}>
              {label}
            </option>
          ))}
        </select>
        {errors.role ? <p className="error-message">{errors.role}</p> : null}
      </div>
      <div className="field">
        <label htmlFor="unioneId">Unione (per i coordinatori)</label>
        <select
          id="unioneId"
          name="unioneId"
          defaultValue={values.unioneId ?? ""}
          aria-describedby={errors.unioneId ? "unioneId-error" : undefined}
        >
          <option value="">Nessuna</option>
          {choices.unioni.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
        {errors.unioneId ? (
          <p id="unioneId-error" className="error-message">
            {errors.unioneId}
          </p>
        ) : null}
      </div>
      <fieldset className="field">
        <legend>Comuni (per editor e lettori)</legend>
        {errors.comuneIds ? <p className="error-message">{errors.comuneIds}</p> : null}
        <div className="checkbox-grid">
          {choices.comuni.map((c) => (
            <label key={c.id}>
              <input
                type="checkbox"
                name="comuneIds"
                value={c.id}
                defaultChecked={values.comuneIds.includes(c.id)}
              />{" "}
              {c.name}
            </label>
          ))}
        </div>
      </fieldset>
      {withActive ? (
        <label className="field">
          <input type="checkbox" name="active" defaultChecked={values.active} /> Account attivo
        </label>
      ) : null}
    </>
  );
}
