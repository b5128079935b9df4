/**
 * What every edit form of a progetto carries: the version of the record the user saw (so a
 * save over someone else's newer change is refused, not silently applied) and the message
 * for errors that belong to the whole form.
 */
export function FormVersion({ version, error }: { version: string; error?: string }) {
  return (
    <>
      <input type="hidden" name="version" value={version} />
      {error ? (
        <p className="error-message" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
