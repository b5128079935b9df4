/**
 * Demo data: the real cases of ../shared/docs/domain.md plus invented comuni (flagged
 * `fictional`) in the states the real ones do not show. Invented dates are relative to the
 * day of seeding so the demo always has late, at-risk and open deadlines.
 *
 * Every step of a progetto goes through the form's zod input and the model a user's form
 * calls, so the demo obeys the same rules as a user: a demo fact that breaks one fails here.
 */
import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { DeadlineChangeKind } from "../../app/domain/avviso-rules";
import { decomposeAmount } from "../../app/domain/bands";
import { addDays, type IsoDate } from "../../app/domain/dates";
import { SNIFF_BYTES } from "../../app/domain/document-content";
import { misuraByCode } from "../../app/domain/measures";
import { euroInputValue } from "../../app/domain/money";
import type { EventKind, EventOutcome } from "../../app/domain/vocabulary";
import { addMember } from "../../app/features/unione/unione-membership.server";
import { PlatformDeadlinesInput, ProrogaInput } from "../../app/forms/deadline-inputs";
import {
  CandidaturaInput,
  DecretoInput,
  DeterminaInput,
  EventoInput,
  IstanzaInput,
} from "../../app/forms/step-inputs";
import type { ReceivedFile } from "../../app/infra/uploads.server";
import { auditedInsert } from "../../app/models/audited.server";
import { saveDocumento } from "../../app/models/documenti.server";
import {
  createProgetto,
  StepRejected,
  saveDecreto,
  saveDetermina,
  saveEvento,
  saveIstanza,
  savePlatformDeadlines,
  saveProroga,
} from "../../app/models/steps.server";
import { writeAudit } from "../../db/audit";
import type { Db } from "../../db/connection";
import { AVVISI_141_COMUNI } from "../../db/reference";
import { avviso, comune, decreto, progetto, unione } from "../../db/schema";
import { SEED_ACTOR } from "./actor";
import { placeholderPdf } from "./placeholder-pdf";

type Window = (typeof AVVISI_141_COMUNI)[number]["windowLabel"];

interface DemoDocument {
  title: string;
  fileName: string;
  sizeBytes: number;
}

interface DemoProgetto {
  cup: string;
  /** The 1.4.1 window; another measure names its avviso in `measure` instead. */
  window?: Window;
  /**
   * A grant of another measure. No form creates one (they come from the open-data import),
   * so the demo writes it as the import would; every later step goes through the models.
   */
  measure?: { misura: string; avviso: string };
  /** The deadlines the platform shows, as the RUP enters them for measures without rules. */
  platformDeadlines?: { contract?: IsoDate; completion?: IsoDate };
  proroghe?: {
    deadline: "contract" | "completion";
    kind: DeadlineChangeKind;
    grantedOn: IsoDate;
    days?: number;
    until?: IsoDate;
    note?: string;
  }[];
  candidaturaSentOn: IsoDate;
  amountEuro: number;
  /** What the comune typed for its candidatura when it differs from the official amount. */
  enteredAmountEuro?: number;
  services?: number[];
  decreto?: { number: string; decreeOn: IsoDate; notifiedOn?: IsoDate };
  officialState?: { state: "A" | "R" | "E"; on: IsoDate };
  istanze?: {
    sentOn: IsoDate;
    kind: "sostituzione-servizi" | "cronoprogramma";
    reason: string;
    outcome: "in-attesa" | "accolta" | "respinta";
    outcomeOn?: IsoDate;
    removed?: number[];
    added?: number[];
    deadline?: { kind: "contract" | "completion"; requested: IsoDate; granted?: IsoDate };
    document?: DemoDocument;
  }[];
  determine?: {
    number: string;
    adoptedOn: IsoDate;
    supplierName: string;
    supplierVat?: string;
    cig?: string;
    amountEuro?: number;
    contractOn?: IsoDate;
    document?: DemoDocument;
  }[];
  eventi?: {
    kind: EventKind;
    on: IsoDate;
    servizioId?: number;
    outcome?: EventOutcome;
    amountEuro?: number;
    reference?: string;
    dueOn?: IsoDate;
    repliedOn?: IsoDate;
    year?: number;
    note?: string;
    document?: DemoDocument;
  }[];
  candidaturaDocument?: DemoDocument;
  decretoDocument?: DemoDocument;
}

interface DemoComune {
  name: string;
  codiceIstat: string;
  codiceCatastale: string;
  provincia: string;
  regione: string;
  population: number;
  fictional?: boolean;
  unione?: string;
  progetti: DemoProgetto[];
}

const SAVIO = "Unione dei Comuni Valle del Savio";
/** Invented, like the invented comuni: every measure and every state after the decreto. */
const COLLI = "Unione dimostrativa dei Colli di Prova";
const UNIONI: Record<string, { provincia: string; fictional: boolean }> = {
  [SAVIO]: { provincia: "FC", fictional: false },
  [COLLI]: { provincia: "ZZ", fictional: true },
};
const DECRETO_32 = { number: "32 - 1 / 2022", decreeOn: "2022-08-19" };
const ASSIGNED_32 = { state: "A", on: "2022-08-19" } as const;
const CENSUS_2011 = "2011-10-09";

function savio(
  name: string,
  codiceIstat: string,
  codiceCatastale: string,
  population: number,
  cup: string,
  amountEuro: number,
  candidaturaSentOn: IsoDate,
  enteredAmountEuro?: number,
): DemoComune {
  return {
    name,
    codiceIstat,
    codiceCatastale,
    provincia: "FC",
    regione: "Emilia-Romagna",
    population,
    unione: SAVIO,
    progetti: [
      {
        cup,
        window: "Aprile 2022",
        candidaturaSentOn,
        amountEuro,
        enteredAmountEuro,
        decreto: DECRETO_32,
        officialState: ASSIGNED_32,
      },
    ],
  };
}

function realComuni(): DemoComune[] {
  return [
    {
      name: "Santa Margherita Ligure",
      codiceIstat: "010054",
      codiceCatastale: "I225",
      provincia: "GE",
      regione: "Liguria",
      population: 9709,
      progetti: [
        {
          cup: "G51F22003070006",
          window: "Settembre 2022",
          candidaturaSentOn: "2022-09-24",
          amountEuro: 155_234,
          services: [21, 16, 20, 13],
          decreto: { number: "135 - 1 / 2022", decreeOn: "2023-01-03", notifiedOn: "2023-01-23" },
          officialState: { state: "A", on: "2023-01-03" },
          candidaturaDocument: {
            title: "Candidatura",
            fileName: "candidatura.pdf",
            sizeBytes: 113_428,
          },
          decretoDocument: {
            title: "Decreto di finanziamento",
            fileName: "decreto-finanziamento.pdf",
            sizeBytes: 879_145,
          },
          istanze: [
            {
              sentOn: "2023-05-22",
              kind: "sostituzione-servizi",
              reason:
                "Le assunzioni passano dal portale nazionale inPA: il servizio concorso pubblico è sostituito dall'accesso agli atti.",
              outcome: "accolta",
              // Not published: assumed a month after sending, well before the determina that
              // awards the new service. An accepted istanza needs its date, as in the form.
              outcomeOn: "2023-06-22",
              removed: [21],
              added: [25],
              document: {
                title: "Istanza di modifica",
                fileName: "istanza-modifica.pdf",
                sizeBytes: 579_953,
              },
            },
          ],
          determine: [
            {
              number: "922",
              adoptedOn: "2023-08-23",
              supplierName: "C&C Sistemi Srl",
              document: {
                title: "Determina n. 922",
                fileName: "determina-922.pdf",
                sizeBytes: 278_702,
              },
            },
          ],
        },
      ],
    },
    savio("Cesena", "040007", "C573", 95_990, "D11F22000360006", 328_160, "2022-05-17"),
    savio("Mercato Saraceno", "040020", "F139", 6_997, "G51F22000300006", 155_234, "2022-05-17"),
    savio("Bagno di Romagna", "040001", "A565", 6_138, "C41F22000620006", 155_234, "2022-05-17"),
    savio("Montiano", "040028", "F668", 1_701, "C41F22000650006", 79_922, "2022-05-17"),
    // Invented typo, € 20 short: the local newspaper's 878,374 instead of the official 878,394.
    savio("Verghereto", "040050", "L764", 1_974, "H81F22000620006", 79_922, "2022-05-17", 79_902),
    savio("Sarsina", "040044", "I444", 3_602, "G21F22000600006", 79_922, "2022-05-17"),
    {
      name: "Pisa",
      codiceIstat: "050026",
      codiceCatastale: "G702",
      provincia: "PI",
      regione: "Toscana",
      population: 85_858,
      progetti: [
        {
          cup: "J51F22000540006",
          window: "Aprile 2022",
          candidaturaSentOn: "2022-05-20",
          amountEuro: 328_160,
          services: [9, 7, 21, 23, 22, 25],
          decreto: DECRETO_32,
          officialState: ASSIGNED_32,
        },
      ],
    },
  ];
}

/** Invented comuni (codici ISTAT 999xxx do not exist) in the states the real cases lack. */
function inventedComuni(today: IsoDate): DemoComune[] {
  const d = (days: number) => addDays(today, days);
  const invented = (
    name: string,
    n: number,
    population: number,
    progetto: DemoProgetto,
  ): DemoComune => ({
    name,
    codiceIstat: `99900${n}`,
    codiceCatastale: `Z90${n}`,
    provincia: "ZZ",
    regione: "Regione di esempio",
    population,
    fictional: true,
    progetti: [progetto],
  });
  return [
    // Small comune, notified 200 days ago, no supplier yet: the 180-day deadline is overdue.
    invented("Borgo Esempio", 1, 3_200, {
      cup: "Z99F22000010006",
      window: "Settembre 2022",
      candidaturaSentOn: d(-260),
      amountEuro: 54_412,
      services: [2, 13],
      decreto: { number: "900 - 1 / 2022", decreeOn: d(-215), notifiedOn: d(-200) },
    }),
    // Over 20,000: contract deadline passed 10 days ago but an extension moved it to +20.
    invented("Castel Prova", 2, 34_000, {
      cup: "Z99F22000020006",
      window: "Settembre 2022",
      candidaturaSentOn: d(-330),
      amountEuro: 280_932,
      services: [1, 2, 13, 17, 20],
      decreto: { number: "901 - 1 / 2022", decreeOn: d(-295), notifiedOn: d(-280) },
      istanze: [
        {
          sentOn: d(-60),
          kind: "cronoprogramma",
          reason: "Gara andata deserta: serve il tempo di una nuova procedura.",
          outcome: "accolta",
          outcomeOn: d(-40),
          deadline: { kind: "contract", requested: d(30), granted: d(20) },
        },
      ],
    }),
    // Contracted on time, completion open with months left, site already online.
    invented("San Collaudo", 3, 7_800, {
      cup: "Z99F22000030006",
      window: "Aprile 2022",
      candidaturaSentOn: d(-400),
      amountEuro: 103_444,
      services: [25, 26],
      decreto: { number: "902 - 1 / 2022", decreeOn: d(-320), notifiedOn: d(-300) },
      determine: [
        {
          number: "45",
          adoptedOn: d(-125),
          contractOn: d(-120),
          supplierName: "Esempio Digitale Srl (fittizio)",
          supplierVat: "00000010009",
          cig: "Z0A1B2C3D4",
          amountEuro: 103_444,
        },
      ],
      eventi: [{ kind: "sito-online", on: d(-15) }],
    }),
    // The whole way to payment and after: upkeep until 31/12/2029, a sample check under way
    // and part of the economie (lump sum minus the contract) reused.
    invented("Monte Dimostrativo", 4, 2_100, {
      cup: "Z99F22000040006",
      window: "Aprile 2022",
      candidaturaSentOn: "2022-05-10",
      amountEuro: 79_922,
      services: [2, 13, 17, 24],
      decreto: { number: "32 - 1 / 2022", decreeOn: "2022-08-19", notifiedOn: "2022-09-05" },
      officialState: { state: "E", on: "2024-03-14" },
      determine: [
        {
          number: "118",
          adoptedOn: "2022-12-01",
          contractOn: "2022-12-15",
          supplierName: "Comuni in Rete Srl (fittizio)",
          supplierVat: "00000020008",
          cig: "Z1B2C3D4E5",
          amountEuro: 64_900,
        },
      ],
      eventi: [
        { kind: "sito-online", on: "2023-06-30" },
        ...[2, 13, 17, 24].map((servizioId) => ({
          kind: "servizio-online" as const,
          on: "2023-08-31",
          servizioId,
        })),
        { kind: "checklist-inviata", on: "2023-09-10" },
        { kind: "richiesta-completamento", on: "2023-09-12" },
        { kind: "asseverazione", on: "2024-01-20", outcome: "positiva" },
        {
          kind: "cre",
          on: "2024-01-25",
          document: {
            title: "Certificato di regolare esecuzione",
            fileName: "cre.pdf",
            sizeBytes: 96_512,
          },
        },
        {
          kind: "richiesta-erogazione",
          on: "2024-01-26",
          document: { title: "Allegato 5", fileName: "allegato-5.pdf", sizeBytes: 184_320 },
        },
        {
          kind: "richiesta-integrazione",
          on: "2024-02-05",
          dueOn: "2024-02-15",
          repliedOn: "2024-02-12",
          note: "Dichiarazione sul titolare effettivo",
        },
        { kind: "verifica-formale", on: "2024-02-28", outcome: "positiva" },
        { kind: "erogazione", on: "2024-03-14", amountEuro: 79_922, reference: "412" },
        {
          kind: "riutilizzo-economie",
          on: "2024-09-16",
          amountEuro: 9_500,
          reference: "Delibera di Giunta n. 87 del 16/09/2024 (fittizia)",
          note: "Formazione del personale sui servizi digitali",
        },
        { kind: "dichiarazione-mantenimento", on: "2026-01-28", year: 2025 },
        { kind: "controllo-campione", on: "2026-10-05", repliedOn: "2026-10-20" },
      ],
    }),
    // Renounced before contracting.
    invented("Villa Fittizia", 5, 12_400, {
      cup: "Z99F22000050006",
      window: "Settembre 2022",
      candidaturaSentOn: "2022-10-12",
      amountEuro: 129_339,
      services: [6, 16, 17],
      decreto: { number: "135 - 1 / 2022", decreeOn: "2023-01-03", notifiedOn: "2023-01-20" },
      officialState: { state: "R", on: "2023-06-05" },
      eventi: [
        {
          kind: "rinuncia",
          on: "2023-06-05",
          note: "Il comune aderisce al progetto dell'Unione di appartenenza.",
        },
      ],
    }),
  ];
}

/** The steps from completion to payment of a lump sum, on the dates given. */
function paidSteps(
  on: {
    completion: IsoDate;
    asseverazione: IsoDate;
    cre: IsoDate;
    request: IsoDate;
    paid: IsoDate;
  },
  amountEuro: number,
  reversale: string,
): NonNullable<DemoProgetto["eventi"]> {
  return [
    { kind: "richiesta-completamento", on: on.completion },
    { kind: "asseverazione", on: on.asseverazione, outcome: "positiva" },
    { kind: "cre", on: on.cre },
    { kind: "richiesta-erogazione", on: on.request },
    { kind: "erogazione", on: on.paid, amountEuro, reference: reversale },
  ];
}

/** Site, services and checklist online: the 1.4.1 activities concluded on those dates. */
function online141(
  site: IsoDate,
  services: number[],
  servicesOn: IsoDate,
  checklist: IsoDate,
): NonNullable<DemoProgetto["eventi"]> {
  return [
    { kind: "sito-online", on: site },
    ...services.map((servizioId) => ({
      kind: "servizio-online" as const,
      on: servicesOn,
      servizioId,
    })),
    { kind: "checklist-inviata", on: checklist },
  ];
}

const CLOUD_SETTEMBRE_2024 = {
  misura: "1.2",
  avviso: "1.2 Abilitazione al Cloud - Comuni - settembre 2024",
};
const CLOUD_LUGLIO_2025 = {
  misura: "1.2",
  avviso: "1.2 Abilitazione al Cloud - Comuni - luglio 2025",
};
const PAGOPA_GIUGNO_2024 = { misura: "1.4.3", avviso: "1.4.3 - pagoPA - Comuni - giugno 2024" };
const APPIO_MAGGIO_2025 = { misura: "1.4.3", avviso: "1.4.3 - app IO - Comuni - maggio 2025" };
const SPID_APRILE_2022 = {
  misura: "1.4.4",
  avviso: "1.4.4 Adozione SPID CIE  - Comuni - Aprile 2022",
};
const PDND_MAGGIO_2025 = {
  misura: "1.3.1",
  avviso: "1.3.1 Piattaforma Digitale Nazionale Dati - ANNCSU - Comuni - maggio 2025",
};
const SEND_MAGGIO_2024 = {
  misura: "1.4.5",
  avviso: "1.4.5 'Piattaforma Notifiche Digitali' Comuni (maggio 2024)",
};

/**
 * An invented Unione (codici ISTAT 99901x do not exist) whose four comuni hold grants of six
 * measures, in every state after the decreto: late, extended, partly positive, revoked,
 * renounced, paid and in upkeep with a sample check and economie reused. Amounts, decrees
 * and CUP are invented; the avvisi are real. Dates are fixed and all before 31/10/2026; no
 * open deadline falls within 30 days of the demo's usual day (22/11/2026).
 */
function colliDiProva(): DemoComune[] {
  const member = (
    name: string,
    n: number,
    population: number,
    progetti: DemoProgetto[],
  ): DemoComune => ({
    name,
    codiceIstat: `99901${n}`,
    codiceCatastale: `Z91${n}`,
    provincia: "ZZ",
    regione: "Regione di esempio",
    population,
    fictional: true,
    unione: COLLI,
    progetti,
  });
  return [
    member("Poggio Campione", 1, 4_300, [
      // Paid, in upkeep until 31/12/2030, part of the economie reused, a sample check open.
      {
        cup: "Z99F22000110006",
        window: "Aprile 2022",
        candidaturaSentOn: "2022-05-12",
        amountEuro: 79_922,
        services: [2, 13, 17, 25],
        decreto: { number: "32 - 1 / 2022", decreeOn: "2022-08-19", notifiedOn: "2022-09-06" },
        officialState: { state: "E", on: "2025-05-20" },
        determine: [
          {
            number: "77",
            adoptedOn: "2022-12-05",
            contractOn: "2022-12-20",
            supplierName: "Servizi Comunali Digitali Srl (fittizio)",
            amountEuro: 62_000,
          },
        ],
        eventi: [
          ...online141("2023-07-10", [2, 13, 17, 25], "2023-09-05", "2023-09-12"),
          ...paidSteps(
            {
              completion: "2023-09-14",
              asseverazione: "2025-02-14",
              cre: "2025-02-20",
              request: "2025-02-21",
              paid: "2025-05-20",
            },
            79_922,
            "1187",
          ).toSpliced(4, 0, { kind: "verifica-formale", on: "2025-04-10", outcome: "positiva" }),
          {
            kind: "riutilizzo-economie",
            on: "2025-10-06",
            amountEuro: 8_000,
            reference: "Delibera di Giunta n. 112 del 06/10/2025 (fittizia)",
            note: "Postazioni per lo sportello digitale",
          },
          { kind: "dichiarazione-mantenimento", on: "2026-01-26", year: 2026 },
          { kind: "controllo-campione", on: "2026-09-15", repliedOn: "2026-10-01" },
        ],
      },
      // Contracted; the completion deadline extended by 180 days requested on the platform.
      {
        cup: "Z99F25000120006",
        measure: CLOUD_SETTEMBRE_2024,
        candidaturaSentOn: "2024-10-15",
        amountEuro: 47_427,
        decreto: { number: "910 - 1 / 2025", decreeOn: "2025-03-10", notifiedOn: "2025-03-20" },
        officialState: { state: "A", on: "2025-03-10" },
        platformDeadlines: { contract: "2025-09-30", completion: "2026-09-30" },
        determine: [
          {
            number: "131",
            adoptedOn: "2025-07-01",
            contractOn: "2025-07-15",
            supplierName: "Nuvola Esempio Srl (fittizio)",
            amountEuro: 39_800,
          },
        ],
        proroghe: [
          {
            deadline: "completion",
            kind: "richiesta-piattaforma",
            grantedOn: "2026-08-20",
            days: 180,
            note: "Migrazione del gestionale dei tributi in ritardo presso il fornitore",
          },
        ],
      },
    ]),
    member("Rocca Modello", 2, 12_600, [
      // Concluded; the asseverazione partly positive, a new completion request awaits its outcome.
      {
        cup: "Z99F22000210006",
        window: "Settembre 2022",
        candidaturaSentOn: "2022-10-20",
        amountEuro: 155_234,
        services: [1, 6, 16, 26],
        decreto: { number: "135 - 1 / 2022", decreeOn: "2023-01-03", notifiedOn: "2023-01-25" },
        officialState: { state: "A", on: "2023-01-03" },
        determine: [
          {
            number: "204",
            adoptedOn: "2023-06-12",
            contractOn: "2023-06-30",
            supplierName: "Rete Civica Srl (fittizio)",
            amountEuro: 141_000,
          },
        ],
        eventi: [
          ...online141("2024-05-10", [1, 6, 16, 26], "2024-06-03", "2024-06-10"),
          { kind: "richiesta-completamento", on: "2024-06-12" },
          {
            kind: "asseverazione",
            on: "2024-11-05",
            outcome: "parzialmente-positiva",
            note: "Criteri C.SI.2.5 e C.SE.1.7 da correggere",
          },
          { kind: "richiesta-completamento", on: "2025-01-20" },
        ],
      },
      // Revoked: the asseverazione was negative.
      {
        cup: "Z99F22000220006",
        measure: SPID_APRILE_2022,
        candidaturaSentOn: "2022-06-20",
        amountEuro: 14_000,
        decreto: { number: "24 - 1 / 2022", decreeOn: "2022-07-28", notifiedOn: "2022-08-05" },
        officialState: { state: "A", on: "2022-07-28" },
        platformDeadlines: { contract: "2023-01-31", completion: "2023-10-31" },
        determine: [
          {
            number: "301",
            adoptedOn: "2022-11-15",
            contractOn: "2022-11-30",
            supplierName: "Identità Facile Srl (fittizio)",
            amountEuro: 12_500,
          },
        ],
        eventi: [
          { kind: "richiesta-completamento", on: "2023-10-20" },
          {
            kind: "asseverazione",
            on: "2024-02-12",
            outcome: "negativa",
            note: "Accesso con CIE non funzionante al momento della verifica",
          },
        ],
      },
      // Paid, in upkeep until 31/12/2030.
      {
        cup: "Z99F24000230006",
        measure: PAGOPA_GIUGNO_2024,
        candidaturaSentOn: "2024-07-10",
        amountEuro: 10_773,
        decreto: { number: "150 - 1 / 2024", decreeOn: "2024-10-02", notifiedOn: "2024-10-10" },
        officialState: { state: "E", on: "2025-09-30" },
        platformDeadlines: { contract: "2025-04-10", completion: "2025-10-10" },
        determine: [
          {
            number: "388",
            adoptedOn: "2024-12-02",
            contractOn: "2024-12-16",
            supplierName: "Pagamenti Semplici Srl (fittizio)",
            amountEuro: 9_900,
          },
        ],
        eventi: paidSteps(
          {
            completion: "2025-05-15",
            asseverazione: "2025-07-01",
            cre: "2025-07-04",
            request: "2025-07-07",
            paid: "2025-09-30",
          },
          10_773,
          "2290",
        ),
      },
    ]),
    member("Valle Prototipo", 3, 2_900, [
      // Renounced: the comune joins the Unione's single site.
      {
        cup: "Z99F22000310006",
        window: "Aprile 2022",
        candidaturaSentOn: "2022-05-30",
        amountEuro: 54_412,
        services: [2, 13],
        decreto: { number: "32 - 1 / 2022", decreeOn: "2022-08-19", notifiedOn: "2022-09-02" },
        officialState: { state: "R", on: "2023-02-15" },
        eventi: [
          {
            kind: "rinuncia",
            on: "2023-02-15",
            note: "Il comune aderisce al sito unico realizzato dall'Unione.",
          },
        ],
      },
      // Late: the platform's contract deadline passed with no supplier.
      {
        cup: "Z99F25000320006",
        measure: PDND_MAGGIO_2025,
        candidaturaSentOn: "2025-06-20",
        amountEuro: 10_172,
        decreto: { number: "88 - 1 / 2025", decreeOn: "2025-11-04", notifiedOn: "2025-11-12" },
        officialState: { state: "A", on: "2025-11-04" },
        platformDeadlines: { contract: "2026-05-12", completion: "2026-11-12" },
      },
      // Paid after a request for integration answered in time.
      {
        cup: "Z99F24000330006",
        measure: SEND_MAGGIO_2024,
        candidaturaSentOn: "2024-06-05",
        amountEuro: 23_147,
        decreto: { number: "60 - 1 / 2024", decreeOn: "2024-09-12", notifiedOn: "2024-09-20" },
        officialState: { state: "E", on: "2025-12-15" },
        platformDeadlines: { contract: "2025-03-20", completion: "2025-09-20" },
        determine: [
          {
            number: "415",
            adoptedOn: "2024-11-18",
            contractOn: "2024-12-02",
            supplierName: "Notifiche Sicure Srl (fittizio)",
            amountEuro: 18_000,
          },
        ],
        eventi: paidSteps(
          {
            completion: "2025-06-10",
            asseverazione: "2025-08-20",
            cre: "2025-08-25",
            request: "2025-08-26",
            paid: "2025-12-15",
          },
          23_147,
          "3051",
        ).toSpliced(
          4,
          0,
          {
            kind: "richiesta-integrazione",
            on: "2025-09-15",
            dueOn: "2025-09-25",
            repliedOn: "2025-09-22",
            note: "CRE firmato digitalmente",
          },
          { kind: "verifica-formale", on: "2025-10-20", outcome: "positiva" },
        ),
      },
    ]),
    member("Pieve Illustrativa", 4, 7_400, [
      // Asseverato; a request for integration of the payment request not answered in time.
      {
        cup: "Z99F22000410006",
        window: "Settembre 2022",
        candidaturaSentOn: "2022-10-05",
        amountEuro: 103_444,
        services: [9, 10],
        decreto: { number: "135 - 1 / 2022", decreeOn: "2023-01-03", notifiedOn: "2023-01-18" },
        officialState: { state: "A", on: "2023-01-03" },
        determine: [
          {
            number: "19",
            adoptedOn: "2023-07-03",
            contractOn: "2023-07-20",
            supplierName: "Borghi Connessi Srl (fittizio)",
            amountEuro: 96_000,
          },
        ],
        eventi: [
          ...online141("2024-04-15", [9, 10], "2024-06-20", "2024-06-28"),
          { kind: "richiesta-completamento", on: "2024-07-01" },
          { kind: "asseverazione", on: "2026-06-18", outcome: "positiva" },
          { kind: "cre", on: "2026-09-01" },
          { kind: "richiesta-erogazione", on: "2026-09-03" },
          {
            kind: "richiesta-integrazione",
            on: "2026-10-01",
            dueOn: "2026-10-11",
            note: "Dichiarazione sul titolare effettivo",
          },
        ],
      },
      // Funded, the contract deadline months away.
      {
        cup: "Z99F25000420006",
        measure: CLOUD_LUGLIO_2025,
        candidaturaSentOn: "2025-08-01",
        amountEuro: 77_897,
        decreto: { number: "140 - 1 / 2025", decreeOn: "2025-12-02", notifiedOn: "2025-12-10" },
        officialState: { state: "A", on: "2025-12-02" },
        platformDeadlines: { contract: "2027-02-10", completion: "2027-12-10" },
      },
      // Contracted, completion open.
      {
        cup: "Z99F25000430006",
        measure: APPIO_MAGGIO_2025,
        candidaturaSentOn: "2025-06-12",
        amountEuro: 5_832,
        decreto: { number: "120 - 1 / 2025", decreeOn: "2025-10-14", notifiedOn: "2025-10-20" },
        officialState: { state: "A", on: "2025-10-14" },
        platformDeadlines: { contract: "2026-04-20", completion: "2027-01-31" },
        determine: [
          {
            number: "58",
            adoptedOn: "2026-03-02",
            contractOn: "2026-03-16",
            supplierName: "Avvisi in Tasca Srl (fittizio)",
            amountEuro: 5_500,
          },
        ],
      },
    ]),
  ];
}

export interface SeedOptions {
  db: Db;
  filesDir: string;
  today: IsoDate;
}

/** Adds the demo comuni that are not there yet; running it again changes nothing. */
export function seedDemoData({ db, filesDir, today }: SeedOptions): { created: string[] } {
  const created: string[] = [];
  // One outer transaction (the models' own become savepoints): all the demo or none of it.
  db.transaction(() => {
    for (const spec of [...realComuni(), ...inventedComuni(today), ...colliDiProva()]) {
      const existing = db
        .select({ id: comune.id })
        .from(comune)
        .where(eq(comune.codiceIstat, spec.codiceIstat))
        .get();
      if (existing) continue;
      seedComune(db, spec, filesDir, today);
      created.push(spec.name);
    }
  });
  return { created };
}

function seedComune(db: Db, spec: DemoComune, filesDir: string, today: IsoDate): void {
  // Comuni come from ISTAT and the open data, never from a form: no model creates them.
  const row = db
    .insert(comune)
    .values({
      name: spec.name,
      codiceIstat: spec.codiceIstat,
      codiceCatastale: spec.codiceCatastale,
      codiceIpa: `c_${spec.codiceCatastale.toLowerCase()}`,
      provincia: spec.provincia,
      regione: spec.regione,
      population: spec.population,
      populationDate: spec.fictional ? null : CENSUS_2011,
      fictional: spec.fictional ?? false,
    })
    .returning()
    .get();
  writeAudit(db, SEED_ACTOR, { action: "create", entity: "comune", entityId: row.id, after: row });
  if (spec.unione) {
    const joined = addMember(db, SEED_ACTOR, ensureUnione(db, spec.unione), spec.codiceIstat);
    if (!joined.ok) throw new Error(`Dati dimostrativi, ${spec.name}: ${joined.message}`);
  }
  for (const p of spec.progetti) {
    try {
      seedProgetto(db, row, p, filesDir, today);
    } catch (error) {
      // Say which demo fact broke which rule: the fix belongs in the demo, not in the rule.
      const detail = error instanceof Error ? error.message : String(error);
      throw new Error(`Dati dimostrativi, ${spec.name} (CUP ${p.cup}): ${detail}`, {
        cause: error,
      });
    }
  }
}

function ensureUnione(db: Db, name: string): number {
  const found = db.select({ id: unione.id }).from(unione).where(eq(unione.name, name)).get();
  if (found) return found.id;
  // No form creates an Unione yet: the demo writes the ones it needs.
  const spec = UNIONI[name] ?? { provincia: null, fictional: true };
  return db
    .insert(unione)
    .values({ name, ...spec })
    .returning({ id: unione.id })
    .get().id;
}

function avvisoId(db: Db, window: Window): number {
  const title = AVVISI_141_COMUNI.find((a) => a.windowLabel === window)?.title ?? "";
  const found = db.select({ id: avviso.id }).from(avviso).where(eq(avviso.title, title)).get();
  if (!found) throw new Error(`Avviso mancante (eseguire prima i dati di riferimento): ${title}`);
  return found.id;
}

/** What the form would send, checked by the form's own schema. */
function parsed<S extends z.ZodType>(schema: S, fields: z.input<S>): z.output<S> {
  const result = schema.safeParse(fields);
  if (result.success) return result.data;
  throw new StepRejected(
    Object.fromEntries(result.error.issues.map((i) => [i.path.join(".") || "_form", i.message])),
  );
}

const euro = (amount: number | undefined) =>
  amount === undefined ? "" : euroInputValue(amount * 100);

type Owner = { id: number; name: string; codiceIpa: string | null };

function seedProgetto(
  db: Db,
  owner: Owner,
  p: DemoProgetto,
  filesDir: string,
  today: IsoDate,
): void {
  const amountCents = p.amountEuro * 100;
  const progettoId = p.measure
    ? seedOtherMeasure(db, owner, p, p.measure)
    : seedCandidatura141(db, owner, p);
  const attach = (step: string, doc: DemoDocument | undefined) => {
    if (doc) uploadPlaceholder(db, filesDir, progettoId, step, doc);
  };
  attach("candidatura", p.candidaturaDocument);

  if (p.decreto) {
    saveDecreto(
      db,
      SEED_ACTOR,
      progettoId,
      parsed(DecretoInput, {
        number: p.decreto.number,
        decreeOn: p.decreto.decreeOn,
        notifiedOn: p.decreto.notifiedOn ?? "",
        amount: euro(p.amountEuro),
        cup: p.cup,
      }),
    );
    const saved = db
      .select({ id: decreto.id })
      .from(decreto)
      .where(eq(decreto.progettoId, progettoId))
      .get();
    attach(`decreto:${saved?.id}`, p.decretoDocument);
  }

  if (p.platformDeadlines) {
    savePlatformDeadlines(
      db,
      SEED_ACTOR,
      progettoId,
      parsed(PlatformDeadlinesInput, {
        platformContractDue: p.platformDeadlines.contract ?? "",
        platformCompletionDue: p.platformDeadlines.completion ?? "",
      }),
    );
  }

  for (const i of p.istanze ?? []) {
    const id = saveIstanza(
      db,
      SEED_ACTOR,
      progettoId,
      null,
      parsed(IstanzaInput, {
        kind: i.kind,
        sentOn: i.sentOn,
        reason: i.reason,
        removed: i.removed ?? [],
        added: i.added ?? [],
        deadlineKind: i.deadline?.kind ?? "",
        requestedDeadline: i.deadline?.requested ?? "",
        grantedDeadline: i.deadline?.granted ?? "",
        outcome: i.outcome,
        outcomeOn: i.outcomeOn ?? "",
      }),
    );
    attach(`istanza:${id}`, i.document);
  }

  for (const dt of p.determine ?? []) {
    const id = saveDetermina(
      db,
      SEED_ACTOR,
      progettoId,
      null,
      parsed(DeterminaInput, {
        number: dt.number,
        adoptedOn: dt.adoptedOn,
        supplierName: dt.supplierName,
        supplierVat: dt.supplierVat ?? "",
        cig: dt.cig ?? "",
        amount: euro(dt.amountEuro),
        contractOn: dt.contractOn ?? "",
      }),
    );
    attach(`determina:${id}`, dt.document);
  }

  for (const c of p.proroghe ?? []) {
    saveProroga(
      db,
      SEED_ACTOR,
      progettoId,
      null,
      parsed(ProrogaInput, {
        deadlineKind: c.deadline,
        kind: c.kind,
        grantedOn: c.grantedOn,
        days: c.days === undefined ? "" : String(c.days),
        until: c.until ?? "",
        note: c.note ?? "",
      }),
    );
  }

  for (const e of p.eventi ?? []) {
    const id = saveEvento(
      db,
      SEED_ACTOR,
      progettoId,
      null,
      parsed(EventoInput, {
        kind: e.kind,
        occurredOn: e.on,
        servizioId: e.servizioId === undefined ? "" : String(e.servizioId),
        outcome: e.outcome ?? "",
        amount: euro(e.amountEuro),
        reference: e.reference ?? "",
        dueOn: e.dueOn ?? "",
        repliedOn: e.repliedOn ?? "",
        year: e.year === undefined ? "" : String(e.year),
        note: e.note ?? "",
      }),
      today,
    );
    attach(`evento:${id}`, e.document);
  }

  if (p.officialState) {
    // The open data's own fields, which no form writes: as an import would have recorded them.
    db.update(progetto)
      .set({
        officialState: p.officialState.state,
        officialStateOn: p.officialState.on,
        officialAmountCents: amountCents,
        officialDecretoNumber: p.decreto?.number ?? null,
        officialDecreeOn: p.decreto?.decreeOn ?? null,
      })
      .where(eq(progetto.id, progettoId))
      .run();
  }
  const split = decomposeAmount(amountCents);
  if (!p.services && !p.measure && split.kind === "exact") {
    // Which services is not public, only the amount: the count follows from it, as the
    // open-data import records it; the form can only count services it is given.
    db.update(progetto)
      .set({ servicesCount: split.services })
      .where(eq(progetto.id, progettoId))
      .run();
  }
}

/** A 1.4.1 candidatura through its form's schema and model. */
function seedCandidatura141(db: Db, owner: Owner, p: DemoProgetto): number {
  const split = decomposeAmount(p.amountEuro * 100);
  if (split.kind !== "exact") throw new Error(`importo non scomponibile: ${p.amountEuro}`);
  if (!p.window) throw new Error("finestra dell'avviso 1.4.1 mancante");
  return createProgetto(
    db,
    SEED_ACTOR,
    owner.id,
    parsed(CandidaturaInput, {
      avvisoId: avvisoId(db, p.window),
      sentOn: p.candidaturaSentOn,
      band: split.band.id,
      servizioIds: p.services ?? [],
      amountRequested: euro(p.enteredAmountEuro ?? p.amountEuro),
    }),
  ).id;
}

/**
 * A grant of another measure as the open-data import records it (its avviso, the amount
 * requested), since no form creates one; audited as the seed's, like every demo row.
 */
function seedOtherMeasure(
  db: Db,
  owner: Owner,
  p: DemoProgetto,
  measure: { misura: string; avviso: string },
): number {
  return auditedInsert<{ id: number }>(db, SEED_ACTOR, "progetto", progetto, {
    comuneId: owner.id,
    avvisoId: otherAvvisoId(db, measure),
    misura: measure.misura,
    title: `${misuraByCode(measure.misura)?.title ?? `Misura ${measure.misura}`} - Comune di ${owner.name}`,
    beneficiaryKind: "comune",
    beneficiaryName: `Comune di ${owner.name}`,
    beneficiaryIpa: owner.codiceIpa,
    candidaturaSentOn: p.candidaturaSentOn,
    amountRequestedCents: p.amountEuro * 100,
    // The site package belongs to 1.4.1 only.
    sitePackage: false,
  }).id;
}

/**
 * The avviso by its published title. Setup seeds every avviso from the shared file first;
 * without that file (tests) the demo adds the title alone, with no rules, as the import does
 * for an avviso it does not know. The demo's dates do not depend on which of the two it is.
 */
function otherAvvisoId(db: Db, measure: { misura: string; avviso: string }): number {
  const found = db
    .select({ id: avviso.id })
    .from(avviso)
    .where(eq(avviso.title, measure.avviso))
    .get();
  if (found) return found.id;
  return db
    .insert(avviso)
    .values({ title: measure.avviso, misura: measure.misura, target: "Comuni" })
    .returning({ id: avviso.id })
    .get().id;
}

/**
 * Uploads a placeholder PDF the way the upload form does: a temporary file, then the
 * model's content checks, then the store.
 */
function uploadPlaceholder(
  db: Db,
  filesDir: string,
  progettoId: number,
  step: string,
  doc: DemoDocument,
): void {
  const bytes = placeholderPdf(doc.title, doc.sizeBytes);
  const tempDir = path.join(filesDir, ".tmp");
  mkdirSync(tempDir, { recursive: true });
  const tempPath = path.join(tempDir, randomUUID());
  writeFileSync(tempPath, bytes);
  const file: ReceivedFile = {
    originalName: doc.fileName,
    tempPath,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    size: bytes.byteLength,
    head: bytes.subarray(0, SNIFF_BYTES),
  };
  saveDocumento(
    db,
    SEED_ACTOR,
    progettoId,
    { title: doc.title, step, publishable: true, uploadedBy: SEED_ACTOR.label },
    file,
    filesDir,
  );
}
