/** A progetto's story as dated entries, oldest first, each naming the step its documents hang on. */
import { closureEventDetails, closureEventTitle } from "./closure";
import type { IsoDate } from "./dates";
import { formatDate, formatEuro } from "./format";
import type { EventoFacts, IstanzaFacts } from "./progetto";
import { servizioById } from "./services";

export type StepRef =
  | { step: "candidatura" }
  | { step: "decreto"; id: number }
  | { step: "istanza"; id: number }
  | { step: "determina"; id: number }
  | { step: "evento"; id: number };

export function stepKey(ref: StepRef): string {
  return ref.step === "candidatura" ? "candidatura" : `${ref.step}:${ref.id}`;
}

export interface TimelineEntry {
  key: string;
  date: IsoDate | null;
  title: string;
  details: string[];
  /** The step this entry shows and whose documents go under it; null for derived entries. */
  ref: StepRef | null;
}

export interface TimelineFacts {
  candidatura: { sentOn: IsoDate | null; amountCents: number | null; services: readonly number[] };
  decreto: {
    id: number;
    number: string;
    decreeOn: IsoDate;
    notifiedOn: IsoDate | null;
    amountCents: number | null;
  } | null;
  istanze: readonly (IstanzaFacts & {
    id: number;
    sentOn: IsoDate;
    reason: string | null;
    requestedDeadline: IsoDate | null;
  })[];
  determine: readonly {
    id: number;
    number: string;
    adoptedOn: IsoDate;
    supplierName: string;
    supplierVat: string | null;
    cig: string | null;
    amountCents: number | null;
    contractOn: IsoDate | null;
  }[];
  eventi: readonly (EventoFacts & {
    id: number;
    amountCents: number | null;
    note: string | null;
  })[];
}

const names = (ids: readonly number[]) =>
  ids.map((id) => `«${servizioById(id).shortName}»`).join(", ");

const ISTANZA_TITLES = {
  "sostituzione-servizi": "Istanza di modifica: sostituzione di servizi",
  cronoprogramma: "Istanza di modifica: variazione del cronoprogramma",
  altro: "Istanza di modifica",
} as const;

const OUTCOMES = { "in-attesa": "in attesa", accolta: "accolta", respinta: "respinta" } as const;
const DEADLINES = { contract: "contrattualizzazione", completion: "completamento" } as const;

export function buildTimeline(f: TimelineFacts): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  const c = f.candidatura;
  entries.push({
    key: "candidatura",
    date: c.sentOn,
    title: "Candidatura inviata",
    details: [
      ...(c.amountCents === null ? [] : [`Importo richiesto ${formatEuro(c.amountCents)}`]),
      ...(c.services.length ? [`Servizi: ${names(c.services)}`] : []),
    ],
    ref: { step: "candidatura" },
  });
  if (f.decreto) {
    const d = f.decreto;
    entries.push({
      key: `decreto:${d.id}`,
      date: d.decreeOn,
      title: `Decreto di finanziamento n. ${d.number}`,
      details: d.amountCents === null ? [] : [`Importo finanziato ${formatEuro(d.amountCents)}`],
      ref: { step: "decreto", id: d.id },
    });
    if (d.notifiedOn) {
      entries.push({
        key: "notifica",
        date: d.notifiedOn,
        title: "Notifica del decreto al comune",
        details: [],
        ref: null,
      });
    }
  }
  for (const i of f.istanze) {
    const details: string[] = [];
    if (i.removed.length || i.added.length)
      details.push(`Sostituisce ${names(i.removed)} con ${names(i.added)}`);
    if (i.deadlineKind && i.requestedDeadline) {
      details.push(
        `Nuova scadenza di ${DEADLINES[i.deadlineKind]} richiesta: ${formatDate(i.requestedDeadline)}`,
      );
    }
    if (i.grantedDeadline) details.push(`Scadenza concessa: ${formatDate(i.grantedDeadline)}`);
    if (i.reason) details.push(`Motivo: ${i.reason}`);
    details.push(
      `Esito: ${OUTCOMES[i.outcome]}${i.outcomeOn ? ` il ${formatDate(i.outcomeOn)}` : ""}`,
    );
    entries.push({
      key: `istanza:${i.id}`,
      date: i.sentOn,
      title: ISTANZA_TITLES[i.kind],
      details,
      ref: { step: "istanza", id: i.id },
    });
  }
  for (const d of f.determine) {
    const details = [
      `Fornitore: ${d.supplierName}${d.supplierVat ? ` (P.IVA ${d.supplierVat})` : ""}`,
    ];
    if (d.cig) details.push(`CIG ${d.cig}`);
    if (d.amountCents !== null) details.push(`Importo ${formatEuro(d.amountCents)}`);
    if (d.contractOn) details.push(`Contratto stipulato il ${formatDate(d.contractOn)}`);
    entries.push({
      key: `determina:${d.id}`,
      date: d.adoptedOn,
      title: `Determina di affidamento n. ${d.number}`,
      details,
      ref: { step: "determina", id: d.id },
    });
  }
  for (const e of f.eventi) {
    entries.push({
      key: `evento:${e.id}`,
      date: e.occurredOn,
      title: eventTitle(e),
      details: closureEventDetails(e),
      ref: { step: "evento", id: e.id },
    });
  }
  // Oldest first; the candidatura leads among entries of the same day, undated ones go last.
  return entries
    .map((entry, order) => ({ entry, order }))
    .sort(
      (a, b) => (a.entry.date ?? "9999").localeCompare(b.entry.date ?? "9999") || a.order - b.order,
    )
    .map(({ entry }) => entry);
}

function eventTitle(e: TimelineFacts["eventi"][number]): string {
  switch (e.kind) {
    case "sito-online":
      return "Sito online";
    case "servizio-online":
      return `Servizio online: ${e.servizioId ? servizioById(e.servizioId).name : "—"}`;
    case "checklist-inviata":
      return "Checklist di conformità inviata";
    case "rinuncia":
      return "Rinuncia al finanziamento";
    default:
      return closureEventTitle(e);
  }
}
