interface SelectProps {
  name: string;
  label: string;
  options: readonly { value: string | number; label: string }[];
  defaultValue?: string | number | null;
  error?: string;
  placeholder?: string;
}

export function Select({ name, label, options, defaultValue, error, placeholder }: SelectProps) {
  return (
    <div className={`field${error ? " field-error" : ""}`}>
      <label htmlFor={name}>{label}</label>
      <select
        id={name}
        name={name}
        defaultValue={defaultValue ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${name}-error` : undefined}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`${name}-error`} className="error-message">
          {error}
        </p>
      ) : null}
    </div>
  );
}
