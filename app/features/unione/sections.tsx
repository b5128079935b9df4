/** The Unione page's charts, each with its table, and its list of members. */
import { Form, Link } from "@remix-run/react";
import { ChartFigure } from "~/components/ChartFigure";
import { formatDate, formatEuro } from "~/domain/format";
import { PHASE_LABELS, type Phase } from "~/domain/phase";
import { AmountsChart, AmountsLegend, FunnelChart, LanesChart, LanesLegend } from "./UnioneCharts";
import type { ComparisonRow } from "./unione-comparison";
import { type LaneChart, MARK_LABELS } from "./unione-lanes";

const progettoLink = (r: { progettoId: number | null; comune: string }) =>
  r.progettoId ? <Link to={`/progetti/${r.progettoId}`}>{r.comune}</Link> : r.comune;

export function AmountsSection({ rows, id }: { rows: ComparisonRow[]; id: string }) {
  return (
    <section aria-labelledby="importi">
      <h2 id="importi">Importi per comune: sito e servizi</h2>
      <ChartFigure
        chart={<AmountsChart id={id} rows={rows} />}
        input={{ id, rows }}
        legend={<AmountsLegend id={id} />}
        table={{
          caption: "Importi per comune: sito e servizi",
          columns: [
            { header: "Comune" },
            { header: "Sito", numeric: true },
            { header: "Servizi", numeric: true },
            { header: "Totale", numeric: true },
          ],
          rows: rows.map((r) => ({
            key: r.comuneId,
            header: progettoLink(r),
            cells: [
              formatEuro(r.siteCents),
              formatEuro(r.servicesCents),
              formatEuro(r.amountCents),
            ],
          })),
        }}
      />
    </section>
  );
}

export function LanesSection({ lanes }: { lanes: LaneChart | null }) {
  return (
    <section aria-labelledby="cronologia">
      <h2 id="cronologia">Tappe e scadenze di ogni comune</h2>
      {lanes ? (
        <ChartFigure
          chart={<LanesChart id="grafico-corsie" chart={lanes} />}
          input={lanes}
          legend={<LanesLegend id="grafico-corsie" />}
          table={{
            caption: "Tappe e finestre per comune",
            columns: [
              { header: "Comune" },
              { header: "Tappe" },
              { header: "Finestre di scadenza" },
            ],
            rows: lanes.lanes.map((lane) => ({
              key: lane.comuneId,
              header: progettoLink(lane),
              cells: [
                lane.marks
                  .map(
                    (m) =>
                      `${MARK_LABELS[m.kind]} ${formatDate(m.date)}${m.late ? " (in ritardo)" : ""}`,
                  )
                  .join("; ") || "—",
                lane.windows
                  .map(
                    (w) =>
                      `${w.kind === "contract" ? "Contrattualizzare" : "Completare"} dal ${formatDate(w.from)} al ${formatDate(w.to)}${w.projected ? " (stimata)" : ""}: ${w.statusText}`,
                  )
                  .join("; ") || "—",
              ],
            })),
          }}
        />
      ) : (
        <p>Nessuna tappa con data registrata.</p>
      )}
    </section>
  );
}

export function FunnelSection({
  funnel,
  hrefOf,
}: {
  funnel: { phase: Phase; count: number }[];
  hrefOf: (phase: Phase) => string;
}) {
  return (
    <section aria-labelledby="fasi">
      <h2 id="fasi">Quanti comuni in ogni fase</h2>
      <ChartFigure
        chart={<FunnelChart id="grafico-fasi" funnel={funnel} hrefOf={hrefOf} />}
        input={{ funnel, hrefs: funnel.map((f) => hrefOf(f.phase)) }}
        table={{
          caption: "Comuni per fase",
          columns: [{ header: "Fase" }, { header: "Comuni", numeric: true }],
          rows: funnel.map((f) => ({
            key: f.phase,
            header:
              f.count > 0 ? (
                <Link to={hrefOf(f.phase)}>{PHASE_LABELS[f.phase]}</Link>
              ) : (
                PHASE_LABELS[f.phase]
              ),
            cells: [f.count],
          })),
        }}
      />
    </section>
  );
}

export function MembersSection({
  unioneId,
  members,
  result,
  canAddMembers,
}: {
  unioneId: number;
  members: { id: number; name: string }[];
  result: { ok: boolean; message: string } | undefined;
  canAddMembers: boolean;
}) {
  return (
    <section aria-labelledby="membri" className="no-print">
      <h2 id="membri">Comuni dell'Unione</h2>
      {result ? (
        <p className={result.ok ? "notice" : "error-message"} role={result.ok ? "status" : "alert"}>
          {result.message}
        </p>
      ) : null}
      <ul className="members">
        {members.map((m) => (
          <li key={m.id}>
            <Link to={`/comuni/${m.id}`}>{m.name}</Link>{" "}
            {/* Asks first, on its own page (no script). */}
            <Link
              to={`/unioni/${unioneId}/rimuovi?comune=${m.id}`}
              className="inline-form link-button danger"
            >
              Togli {m.name} dall'Unione
            </Link>
          </li>
        ))}
      </ul>
      {canAddMembers ? (
        <>
          <Form method="post" className="filters">
            <input type="hidden" name="intent" value="add" />
            <div className="field">
              <label htmlFor="comune">Aggiungi un comune (nome o codice ISTAT)</label>
              <input id="comune" name="comune" autoComplete="off" />
            </div>
            <button type="submit">Aggiungi</button>
          </Form>
          <p className="hint">Un comune può far parte di una sola Unione.</p>
        </>
      ) : (
        <p className="hint">
          Entrare nell'Unione dà ai suoi coordinatori la modifica dei dati del comune: per
          aggiungere un comune rivolgersi a un amministratore.
        </p>
      )}
    </section>
  );
}
