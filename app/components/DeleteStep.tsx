import { Link } from "@remix-run/react";

/**
 * A delete asks first: the button is a link to the confirmation page, which posts the
 * delete (no script needed). `passaggio`: the step as "determina:3".
 */
export function DeleteStep({
  label,
  progettoId,
  passaggio,
}: {
  label: string;
  progettoId: number;
  passaggio: string;
}) {
  return (
    <p className="delete-step">
      <Link
        to={`/progetti/${progettoId}/elimina?passaggio=${encodeURIComponent(passaggio)}`}
        className="button secondary"
      >
        {label}
      </Link>
    </p>
  );
}
