import { describeClosureState } from "~/domain/closure";
import { formatEuro } from "~/domain/format";
import { PHASE_LABELS } from "~/domain/phase";
import type { ProgettoAssessment } from "~/domain/progetto";
import { servizioById } from "~/domain/services";

/** A progetto's main facts, as its page and its dossier both list them. */
export function ProgettoFactList({
  progetto,
  amountCents,
  assessment,
}: {
  progetto: {
    misura: string;
    cup: string | null;
    officialCup: string | null;
    officialWindow: number | string | null;
    officialProtocol: string | null;
  };
  amountCents: number | null;
  assessment: Pick<ProgettoAssessment, "phase" | "closure" | "services">;
}) {
  return (
    <dl className="facts">
      <dt>Misura</dt>
      <dd>{progetto.misura}</dd>
      <dt>CUP</dt>
      <dd>{progetto.cup ?? "non ancora assegnato"}</dd>
      {progetto.officialCup && progetto.officialCup !== progetto.cup ? (
        <>
          <dt>CUP nei dati ufficiali</dt>
          <dd>{progetto.officialCup}</dd>
        </>
      ) : null}
      {progetto.officialWindow !== null ? (
        <>
          <dt>Finestra temporale</dt>
          <dd>{progetto.officialWindow}</dd>
        </>
      ) : null}
      {progetto.officialProtocol !== null ? (
        <>
          <dt>Numero di protocollo</dt>
          <dd>{progetto.officialProtocol}</dd>
        </>
      ) : null}
      <dt>Importo</dt>
      <dd>{amountCents === null ? "—" : formatEuro(amountCents)}</dd>
      <dt>Stato</dt>
      <dd>
        {PHASE_LABELS[assessment.phase]}
        {assessment.closure.state ? ` — ${describeClosureState(assessment.closure.state)}` : ""}
      </dd>
      <dt>Servizi</dt>
      <dd>
        {assessment.services.length ? (
          <ul className="plain">
            {assessment.services.map((id) => (
              <li key={id}>{servizioById(id).name}</li>
            ))}
          </ul>
        ) : (
          "Nessuno indicato"
        )}
      </dd>
    </dl>
  );
}
