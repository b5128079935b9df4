import { Link } from "@remix-run/react";
import { TableScroll } from "~/components/TableScroll";
import { type ClosureAssessment, describeClosureState, UPKEEP_YEARS } from "~/domain/closure";
import { describeStatus } from "~/domain/deadlines";
import { formatDate, formatEuro } from "~/domain/format";
import { EVENT_KIND_LABELS, EVENT_OUTCOME_LABELS, type EventKind } from "~/domain/vocabulary";

/** The steps after completion a user records, in their order, with the page that records each. */
const RECORDABLE: readonly EventKind[] = [
  "richiesta-completamento",
  "asseverazione",
  "cre",
  "richiesta-erogazione",
  "richiesta-integrazione",
  "verifica-formale",
  "erogazione",
  "dichiarazione-mantenimento",
  "controllo-campione",
  "riutilizzo-economie",
];

const DECLARATION_LABELS = {
  presentata: "Presentata",
  mancante: "Mancante",
  "in-corso": "Da presentare (anno in corso)",
  futura: "Anno futuro",
} as const;

const day = (date: string | null) => (date ? formatDate(date) : "non registrata");
const outcome = (value: keyof typeof EVENT_OUTCOME_LABELS | null) =>
  value ? EVENT_OUTCOME_LABELS[value] : "in corso";

/**
 * "Dopo il completamento": from the request to complete to the end of upkeep, with the
 * reply deadlines, the sample checks and the leftover funds (all from closure.ts).
 */
export function ClosureSection({
  closure: c,
  editable,
}: {
  closure: ClosureAssessment;
  editable: boolean;
}) {
  return (
    <section aria-labelledby="dopo-completamento">
      <h2 id="dopo-completamento">Dopo il completamento</h2>
      {c.state ? (
        <p className={c.state.kind === "revocato" ? "warning" : undefined}>
          <strong>
            {describeClosureState(c.state).replace(/^./, (first) => first.toUpperCase())}
          </strong>
          {c.state.kind === "revocato" ? (
            <>
              {": "}
              {c.state.reason}
              {c.state.amountToReturnCents !== null
                ? `; da restituire ${formatEuro(c.state.amountToReturnCents)}`
                : ""}
              .
            </>
          ) : null}
        </p>
      ) : null}
      {c.asseverazione?.outcome === "parzialmente-positiva" && !c.payment ? (
        <p className="warning">
          Asseverazione parzialmente positiva: correggere le non conformità entro i termini del
          cronoprogramma; l'erogazione si chiede dopo un nuovo esito positivo.
        </p>
      ) : null}
      <dl className="facts">
        <dt>Richiesta di completamento</dt>
        <dd>{day(c.completionRequestedOn)}</dd>
        <dt>Asseverazione</dt>
        <dd>
          {c.asseverazione
            ? `${EVENT_OUTCOME_LABELS[c.asseverazione.outcome]}, ${formatDate(c.asseverazione.on)}${
                c.asseverazione.note ? ` — ${c.asseverazione.note}` : ""
              }`
            : "non registrata"}
        </dd>
        <dt>Certificato di regolare esecuzione (RUP)</dt>
        <dd>{day(c.creOn)}</dd>
        <dt>Richiesta di erogazione (Allegato 5)</dt>
        <dd>{day(c.paymentRequestOn)}</dd>
        <dt>Verifiche formali</dt>
        <dd>
          {c.formalChecks.length
            ? c.formalChecks.map((f) => `${outcome(f.outcome)}, ${formatDate(f.on)}`).join("; ")
            : "non registrate"}
        </dd>
        <dt>Erogazione</dt>
        <dd>
          {c.payment
            ? [
                formatDate(c.payment.on),
                c.payment.amountCents === null ? null : formatEuro(c.payment.amountCents),
                c.payment.reversale ? `reversale n. ${c.payment.reversale}` : null,
              ]
                .filter(Boolean)
                .join(", ")
            : "non registrata"}
        </dd>
      </dl>

      {c.integrations.length ? (
        <TableScroll label="Richieste di integrazione">
          <table>
            <caption>Richieste di integrazione</caption>
            <thead>
              <tr>
                <th scope="col">Richiesta</th>
                <th scope="col">Rispondere entro il</th>
                <th scope="col">Risposta</th>
                <th scope="col">Scadenza</th>
              </tr>
            </thead>
            <tbody>
              {c.integrations.map((i) => (
                <tr key={`${i.requestedOn}-${i.eventoId}`}>
                  <td>{formatDate(i.requestedOn)}</td>
                  <td>
                    <time dateTime={i.due}>{formatDate(i.due)}</time>
                  </td>
                  <td>{i.repliedOn ? formatDate(i.repliedOn) : "—"}</td>
                  <td className={i.open || i.repliedOn ? `status-${i.status.kind}` : undefined}>
                    {i.open || i.repliedOn ? describeStatus(i.status) : "Non più dovuta"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}

      {c.upkeep ? (
        <>
          <h3>Mantenimento</h3>
          <p>
            Sito e servizi finanziati devono restare attivi fino al{" "}
            <strong>{formatDate(c.upkeep.until)}</strong>: {UPKEEP_YEARS} anni dal 31/12/
            {c.upkeep.paidOn.slice(0, 4)}, anno dell'erogazione.
          </p>
          {c.upkeep.missing.length ? (
            <p className="warning">
              Manca la dichiarazione di mantenimento per {c.upkeep.missing.join(", ")}.
            </p>
          ) : null}
          <TableScroll label="Dichiarazioni annuali di mantenimento">
            <table>
              <caption>Dichiarazioni annuali di mantenimento</caption>
              <thead>
                <tr>
                  <th scope="col">Anno</th>
                  <th scope="col">Dichiarazione</th>
                  <th scope="col">Stato</th>
                </tr>
              </thead>
              <tbody>
                {c.upkeep.declarations.map((d) => (
                  <tr key={d.year}>
                    <th scope="row">{d.year}</th>
                    <td>{d.declaredOn ? formatDate(d.declaredOn) : "—"}</td>
                    <td className={d.status === "mancante" ? "status-overdue" : undefined}>
                      {DECLARATION_LABELS[d.status]}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </>
      ) : null}

      {c.sampleChecks.length ? (
        <TableScroll label="Controlli a campione">
          <table>
            <caption>Controlli a campione</caption>
            <thead>
              <tr>
                <th scope="col">Richiesta</th>
                <th scope="col">Documenti inviati</th>
                <th scope="col">Esito</th>
                <th scope="col">Da restituire</th>
              </tr>
            </thead>
            <tbody>
              {c.sampleChecks.map((s) => (
                <tr key={`${s.requestedOn}-${s.eventoId}`}>
                  <td>{formatDate(s.requestedOn)}</td>
                  <td>{s.documentsSentOn ? formatDate(s.documentsSentOn) : "—"}</td>
                  <td>{s.outcome === "negativa" ? "Negativo: revoca" : outcome(s.outcome)}</td>
                  <td>
                    {s.amountToReturnCents === null ? "—" : formatEuro(s.amountToReturnCents)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}

      {c.leftover ? (
        <>
          <h3>Economie</h3>
          <dl className="facts">
            <dt>Contributo ricevuto</dt>
            <dd>{formatEuro(c.leftover.receivedCents)}</dd>
            <dt>Costo dei contratti (determine)</dt>
            <dd>{formatEuro(c.leftover.contractsCents)}</dd>
            <dt>Economie riutilizzabili</dt>
            <dd>{formatEuro(Math.max(0, c.leftover.economieCents))}</dd>
            <dt>Già riutilizzate</dt>
            <dd>{formatEuro(c.leftover.reusedCents)}</dd>
            <dt>Residuo</dt>
            <dd>{formatEuro(c.leftover.leftCents)}</dd>
          </dl>
          {c.leftover.warnings.map((w) => (
            <p key={w} className="warning">
              Attenzione: {w}
            </p>
          ))}
          {c.reuses.length ? (
            <TableScroll label="Riutilizzi delle economie">
              <table>
                <caption>Riutilizzi delle economie</caption>
                <thead>
                  <tr>
                    <th scope="col">Data</th>
                    <th scope="col">Atto</th>
                    <th scope="col">Importo</th>
                    <th scope="col">Finalità</th>
                  </tr>
                </thead>
                <tbody>
                  {c.reuses.map((r) => (
                    <tr key={`${r.on}-${r.act}-${r.amountCents}`}>
                      <td>{formatDate(r.on)}</td>
                      <td>{r.act ?? "—"}</td>
                      <td>{formatEuro(r.amountCents)}</td>
                      <td>{r.purpose ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : null}
        </>
      ) : null}

      {editable ? (
        <nav aria-label="Registra un passaggio dopo il completamento" className="actions">
          {RECORDABLE.map((kind) => (
            <Link key={kind} to={`eventi/nuovo?tipo=${kind}`}>
              {EVENT_KIND_LABELS[kind]}
            </Link>
          ))}
        </nav>
      ) : null}
    </section>
  );
}
