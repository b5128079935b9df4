/**
 * What a progetto needs next, who does it and by when, and which step pages make sense now
 * (no I/O): the progetto page shows the one next step as a button, the links that fit the
 * phase, and the rest under "Altre azioni". Read from the assessment (progetto.ts, closure.ts).
 */
import type { IsoDate } from "./dates";
import type { ProgettoAssessment } from "./progetto";

/** Who acts: the comune's RUP, the Dipartimento per la trasformazione digitale, the asseveratore. */
export type StepActor = "comune" | "dipartimento" | "asseveratore";

export const STEP_ACTOR_LABELS: Record<StepActor, string> = {
  comune: "il Comune (RUP)",
  dipartimento: "il Dipartimento per la trasformazione digitale",
  asseveratore: "l'asseveratore",
};

/** Every page that records a step, by a stable key; hrefs are relative to the progetto page. */
export const STEP_ACTIONS = {
  candidatura: { href: "candidatura", label: "Modifica la candidatura" },
  titolo: { href: "titolo", label: "Modifica il titolo" },
  decreto: { href: "decreto", label: "Registra il decreto" },
  determina: { href: "determine/nuova", label: "Aggiungi una determina" },
  istanza: { href: "istanze/nuova", label: "Aggiungi un'istanza di modifica" },
  proroga: { href: "proroghe/nuova", label: "Registra una proroga o una modifica della scadenza" },
  piattaforma: { href: "scadenze-piattaforma", label: "Scadenze indicate dalla piattaforma" },
  completamento: { href: "completamento", label: "Registra il completamento" },
  conformita: { href: "conformita", label: "Checklist di conformità" },
  documenti: { href: "documenti", label: "Carica un documento" },
  evento: { href: "eventi/nuovo", label: "Registra un avanzamento" },
  "richiesta-completamento": {
    href: "eventi/nuovo?tipo=richiesta-completamento",
    label: "Registra la richiesta di completamento",
  },
  asseverazione: {
    href: "eventi/nuovo?tipo=asseverazione",
    label: "Registra l'esito dell'asseverazione",
  },
  cre: { href: "eventi/nuovo?tipo=cre", label: "Registra il CRE" },
  "richiesta-erogazione": {
    href: "eventi/nuovo?tipo=richiesta-erogazione",
    label: "Registra la richiesta di erogazione",
  },
  "richiesta-integrazione": {
    href: "eventi/nuovo?tipo=richiesta-integrazione",
    label: "Registra una richiesta di integrazione",
  },
  "verifica-formale": {
    href: "eventi/nuovo?tipo=verifica-formale",
    label: "Registra l'esito delle verifiche formali",
  },
  erogazione: { href: "eventi/nuovo?tipo=erogazione", label: "Registra l'erogazione" },
  "dichiarazione-mantenimento": {
    href: "eventi/nuovo?tipo=dichiarazione-mantenimento",
    label: "Registra la dichiarazione di mantenimento",
  },
  "controllo-campione": {
    href: "eventi/nuovo?tipo=controllo-campione",
    label: "Registra un controllo a campione",
  },
  "riutilizzo-economie": {
    href: "eventi/nuovo?tipo=riutilizzo-economie",
    label: "Registra un riutilizzo delle economie",
  },
  rinuncia: { href: "eventi/nuovo?tipo=rinuncia", label: "Registra la rinuncia" },
} as const;

export type StepActionKey = keyof typeof STEP_ACTIONS;

export interface StepLink {
  key: StepActionKey;
  href: string;
  label: string;
}

export interface NextStep {
  /** What has to happen, in a sentence: "Contrattualizzare il fornitore". */
  what: string;
  who: StepActor;
  /** The deadline in force, when one applies. */
  by: IsoDate | null;
  /** The one button: the page where the user records it. */
  action: StepLink;
}

export interface Guidance {
  /** Null when nothing is left to do (renounced, revoked, upkeep over). */
  next: NextStep | null;
  /** The step pages that make sense now, the next step's first. */
  now: StepLink[];
  /** Every other step page, for corrections and the unusual case. */
  others: StepLink[];
}

const link = (key: StepActionKey): StepLink => ({ key, ...STEP_ACTIONS[key] });

/** The order of the "Altre azioni" list. */
const ALL: readonly StepActionKey[] = Object.keys(STEP_ACTIONS) as StepActionKey[];

export function guidance(a: ProgettoAssessment): Guidance {
  const { next, now } = byPhase(a);
  const shown = new Set<StepActionKey>([...(next ? [next.action.key] : []), ...now]);
  return {
    next,
    // The next step's own page may differ from its kind's usual one (a reply, the completion form).
    now: [...shown].map((k) => (next && k === next.action.key ? next.action : link(k))),
    others: ALL.filter((k) => !shown.has(k)).map(link),
  };
}

function step(
  what: string,
  who: StepActor,
  by: IsoDate | null,
  key: StepActionKey,
  page?: Partial<StepLink>,
): NextStep {
  return { what, who, by, action: { ...link(key), ...page } };
}

function byPhase(a: ProgettoAssessment): { next: NextStep | null; now: StepActionKey[] } {
  const c = a.closure;
  // An integration asked by the Dipartimento comes before anything else: its reply has a term.
  if (c.nextReply)
    return {
      next: step(
        "Rispondere alla richiesta di integrazione",
        "comune",
        c.nextReply.due,
        "richiesta-integrazione",
        // The reply date goes on the request itself.
        c.nextReply.eventoId === null
          ? {}
          : { href: `eventi/${c.nextReply.eventoId}`, label: "Registra la risposta" },
      ),
      now: ["documenti"],
    };
  const due = (kind: "contract" | "completion") => a.deadlines[kind]?.due ?? null;
  switch (a.phase) {
    case "candidatura":
      return {
        next: step("Decreto di finanziamento e sua notifica", "dipartimento", null, "decreto"),
        now: ["candidatura", "titolo"],
      };
    case "finanziato":
      return {
        next: step(
          "Contrattualizzare il fornitore (determina)",
          "comune",
          due("contract"),
          "determina",
        ),
        now: ["decreto", "istanza", "proroga", "documenti"],
      };
    case "contrattualizzato":
      return {
        next: step(
          "Completare le attività: sito e servizi online, checklist inviata",
          "comune",
          due("completion"),
          "completamento",
        ),
        now: ["conformita", "istanza", "proroga", "documenti"],
      };
    case "concluso":
      // The first request is part of the completion form.
      if (c.completionRequestedOn === null)
        return {
          next: step(
            "Richiedere il completamento sulla piattaforma",
            "comune",
            null,
            "richiesta-completamento",
            { href: STEP_ACTIONS.completamento.href },
          ),
          now: ["conformita", "documenti"],
        };
      // After a partly positive outcome the comune fixes what failed and asks again.
      if (c.asseverazione?.outcome === "parzialmente-positiva")
        return {
          next: step(
            "Correggere le non conformità e richiedere di nuovo il completamento",
            "comune",
            null,
            "richiesta-completamento",
          ),
          now: ["conformita", "completamento", "documenti"],
        };
      return {
        next: step("Asseverazione delle attività", "asseveratore", null, "asseverazione"),
        now: ["conformita", "documenti"],
      };
    case "asseverato":
      if (c.creOn === null)
        return {
          next: step("Firmare il certificato di regolare esecuzione", "comune", null, "cre"),
          now: ["documenti"],
        };
      if (c.paymentRequestOn === null)
        return {
          next: step(
            "Richiedere l'erogazione (Allegato 5)",
            "comune",
            null,
            "richiesta-erogazione",
          ),
          now: ["documenti"],
        };
      return {
        next: step(
          "Verifiche formali ed erogazione del contributo",
          "dipartimento",
          null,
          "erogazione",
        ),
        now: ["verifica-formale", "richiesta-integrazione", "documenti"],
      };
    case "erogato":
      return afterPayment(a);
    case "asseverazione-negativa":
    case "rinunciato":
      return { next: null, now: ["documenti"] };
  }
}

function afterPayment(a: ProgettoAssessment): {
  next: NextStep | null;
  now: StepActionKey[];
} {
  const c = a.closure;
  if (c.state?.kind === "revocato") return { next: null, now: ["documenti"] };
  const now: StepActionKey[] = ["controllo-campione", "riutilizzo-economie", "documenti"];
  const openCheck = c.sampleChecks.find((s) => s.outcome === null && s.documentsSentOn === null);
  if (openCheck)
    return {
      next: step(
        "Inviare i documenti del controllo a campione",
        "comune",
        null,
        "controllo-campione",
      ),
      now,
    };
  const owed = c.upkeep?.declarations.find(
    (d) => d.status === "mancante" || d.status === "in-corso",
  );
  // The sources give no date for the yearly declaration: none is invented here.
  if (owed)
    return {
      next: step(
        `Presentare la dichiarazione di mantenimento per il ${owed.year}`,
        "comune",
        null,
        "dichiarazione-mantenimento",
      ),
      now,
    };
  if (c.state?.kind !== "mantenimento") return { next: null, now };
  return {
    next: step(
      "Mantenere attivi sito e servizi finanziati",
      "comune",
      c.state.until,
      "dichiarazione-mantenimento",
    ),
    now,
  };
}
