import { Link } from "@remix-run/react";

/** The way back from a step's page, naming the progetto the page is about. */
export function BackToProgetto({
  progetto,
}: {
  progetto: { id: number; title: string; cup: string | null };
}) {
  return (
    <p className="back-to-progetto">
      <Link to={`/progetti/${progetto.id}`}>← Torna al progetto</Link>{" "}
      <span className="muted">
        {progetto.title}
        {progetto.cup ? ` · CUP ${progetto.cup}` : ""}
      </span>
    </p>
  );
}
