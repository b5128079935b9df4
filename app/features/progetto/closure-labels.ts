/** What each field of an evento's form is called, for the kind of evento it records. */
import type { EventField, EventKind } from "~/domain/vocabulary";

type LabelledField = EventField | "occurredOn" | "note";

const DEFAULTS: Record<LabelledField, string> = {
  occurredOn: "Data",
  servizioId: "Servizio",
  outcome: "Esito",
  amount: "Importo (€)",
  reference: "Riferimento",
  dueOn: "Termine per rispondere",
  repliedOn: "Data della risposta",
  year: "Anno a cui si riferisce",
  note: "Nota",
};

const BY_KIND: Partial<Record<EventKind, Partial<Record<LabelledField, string>>>> = {
  "richiesta-completamento": { occurredOn: "Data della richiesta" },
  asseverazione: {
    occurredOn: "Data dell'esito",
    outcome: "Esito dell'asseverazione",
    note: "Note (per esempio i criteri non conformi)",
  },
  cre: { occurredOn: "Data della firma del RUP" },
  "richiesta-erogazione": { occurredOn: "Data di invio" },
  "verifica-formale": { occurredOn: "Data dell'esito", outcome: "Esito delle verifiche" },
  "richiesta-integrazione": {
    occurredOn: "Data della richiesta",
    note: "Che cosa è richiesto",
  },
  erogazione: {
    occurredOn: "Data dell'erogazione",
    amount: "Importo erogato (€)",
    reference: "Numero di reversale",
  },
  "dichiarazione-mantenimento": { occurredOn: "Data della dichiarazione" },
  "controllo-campione": {
    occurredOn: "Data della richiesta di controllo",
    repliedOn: "Data di invio dei documenti",
    outcome: "Esito del controllo",
    amount: "Importo da restituire (€), se revocato",
  },
  "riutilizzo-economie": {
    occurredOn: "Data dell'atto",
    reference: "Atto (delibera o determina, con numero e data)",
    amount: "Importo riutilizzato (€)",
    note: "Finalità",
  },
};

export function eventFieldLabel(kind: EventKind, field: LabelledField): string {
  return BY_KIND[kind]?.[field] ?? DEFAULTS[field];
}
