import { useSearchParams } from "@remix-run/react";
import { NOTICES } from "~/forms/form-result";

/**
 * The confirmation after a save or a delete, on the page the user lands on: the action
 * redirects with `?salvato=1` or `?eliminato=1`, read here (no script, no session flash). A
 * status region, focused on load so that it is read out.
 */
export function SavedNotice() {
  const [params] = useSearchParams();
  const key = (Object.keys(NOTICES) as (keyof typeof NOTICES)[]).find((k) => params.has(k));
  if (!key) return null;
  return (
    // biome-ignore lint/a11y/noAutofocus: the confirmation is read out on arrival, without script
    <p className="notice saved-notice" role="status" tabIndex={-1} autoFocus>
      {NOTICES[key]}
    </p>
  );
}
