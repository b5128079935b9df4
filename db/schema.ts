/**
 * Database schema. Conventions: money in integer euro cents (`*_cents`), calendar dates as
 * "YYYY-MM-DD" text, timestamps as ISO-8601 text in UTC.
 */
import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { COUNTING_BASES, DEADLINE_CHANGE_KINDS } from "../app/domain/avviso-rules";
import {
  BENEFICIARY_KINDS,
  EVENT_KINDS,
  EVENT_OUTCOMES,
  ISTANZA_KINDS,
  ISTANZA_OUTCOMES,
  OFFICIAL_STATES,
  ROLES,
} from "../app/domain/vocabulary";

const timestamp = (name: string) =>
  text(name).notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);
const createdAt = () => timestamp("created_at");
const updatedAt = () => timestamp("updated_at");

export const unione = sqliteTable("unione", {
  id: integer("id").primaryKey(),
  name: text("name").notNull().unique(),
  provincia: text("provincia"),
  codiceIpa: text("codice_ipa").unique(),
  fictional: integer("fictional", { mode: "boolean" }).notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const comune = sqliteTable(
  "comune",
  {
    id: integer("id").primaryKey(),
    name: text("name").notNull(),
    /**
     * The current ISTAT code, as the newest official file shows it. Not an identity: codes
     * change (Sardinia's 2025 provinces, mergers), merged comuni can share one, and a
     * suppressed comune has none (the file says N/D). Earlier codes: comune_codice_istat.
     */
    codiceIstat: text("codice_istat"),
    /** Does not change with provinces or ISTAT codes; the IPA code is c_ + this. */
    codiceCatastale: text("codice_catastale").unique(),
    /** Lower case, trimmed: the identity the official files agree on. */
    codiceIpa: text("codice_ipa").unique(),
    provincia: text("provincia"),
    codProvincia: text("cod_provincia"),
    regione: text("regione"),
    codRegione: text("cod_regione"),
    /** Suppressed or merged: an official file showed it without ISTAT code (N/D). */
    suppressed: integer("suppressed", { mode: "boolean" }).notNull().default(false),
    /** Date of the newest official file that set the facts above; older files do not. */
    officialSeenOn: text("official_seen_on"),
    population: integer("population"),
    populationDate: text("population_date"),
    unioneId: integer("unione_id").references(() => unione.id, { onDelete: "set null" }),
    /** Invented for the demo: the UI labels it so nobody takes it for a real comune. */
    fictional: integer("fictional", { mode: "boolean" }).notNull().default(false),
    /**
     * The comune's own accessibility statement and privacy notice, linked from the footer of
     * its public pages; null shows no link (never a guess).
     */
    accessibilityUrl: text("accessibility_url"),
    privacyUrl: text("privacy_url"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("comune_unione_idx").on(t.unioneId),
    index("comune_istat_idx").on(t.codiceIstat),
    // Lists of progetti are ordered by comune: walked in this order, a page needs no sort.
    index("comune_name_idx").on(t.name),
    check("comune_population_check", sql`${t.population} IS NULL OR ${t.population} >= 0`),
  ],
);

/** Every ISTAT code an official file showed for a comune, with the dates of those files. */
export const comuneCodiceIstat = sqliteTable(
  "comune_codice_istat",
  {
    comuneId: integer("comune_id")
      .notNull()
      .references(() => comune.id, { onDelete: "cascade" }),
    codiceIstat: text("codice_istat").notNull(),
    firstSeenOn: text("first_seen_on").notNull(),
    lastSeenOn: text("last_seen_on").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.comuneId, t.codiceIstat] }),
    index("comune_codice_istat_code_idx").on(t.codiceIstat),
  ],
);

export const ENTE_KINDS = ["comune", "regione", "provincia", "asl", "scuola", "altro"] as const;

/**
 * A beneficiary of the official open data, identified by its codice IPA (lower case,
 * trimmed). A comune's ente points at the comune it is; any other ente (Regione,
 * Provincia, ASL, school, other) at the comune where it sits, and is never counted in
 * that comune's totals.
 */
export const ente = sqliteTable(
  "ente",
  {
    id: integer("id").primaryKey(),
    codiceIpa: text("codice_ipa").notNull().unique(),
    name: text("name").notNull(),
    /** tipologia_ente as published ("Comuni", "Scuole", "Regioni", ...). */
    tipologia: text("tipologia").notNull(),
    kind: text("kind", { enum: ENTE_KINDS }).notNull(),
    comuneId: integer("comune_id")
      .notNull()
      .references(() => comune.id, { onDelete: "restrict" }),
    officialSeenOn: text("official_seen_on"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("ente_comune_idx").on(t.comuneId)],
);

export const avviso = sqliteTable("avviso", {
  id: integer("id").primaryKey(),
  title: text("title").notNull().unique(),
  misura: text("misura").notNull(),
  /** Who may apply, as published ("Comuni", "Scuole", ...). */
  target: text("target"),
  windowLabel: text("window_label"),
  opensOn: text("opens_on"),
  closesOn: text("closes_on"),
  /**
   * Which amounts apply: the key of built-in amount rules (app/domain/measures.ts RULES: the
   * 1.4.1 bands), null when the decreto's amount is all there is.
   */
  rules: text("rules"),
  /*
   * How the deadlines are counted (decision 009), editable by an administrator: days from
   * the decreto's notification or from the contract, for comuni up to 5,000 inhabitants
   * (small) and over. Null when our sources do not say: the platform's dates entered on the
   * progetto count then.
   */
  contractFrom: text("contract_from", { enum: COUNTING_BASES }),
  contractDaysSmall: integer("contract_days_small"),
  contractDaysLarge: integer("contract_days_large"),
  completionFrom: text("completion_from", { enum: COUNTING_BASES }),
  completionDaysSmall: integer("completion_days_small"),
  completionDaysLarge: integer("completion_days_large"),
  /** A last date that no deadline, extension or slot passes. */
  finalDeadline: text("final_deadline"),
  /** Where the rules above come from, as the administrator wrote it. */
  rulesSource: text("rules_source"),
  createdAt: createdAt(),
  updatedAt: text("updated_at"),
});

export const progetto = sqliteTable(
  "progetto",
  {
    id: integer("id").primaryKey(),
    comuneId: integer("comune_id")
      .notNull()
      .references(() => comune.id, { onDelete: "restrict" }),
    avvisoId: integer("avviso_id").references(() => avviso.id, { onDelete: "restrict" }),
    misura: text("misura").notNull(),
    title: text("title").notNull(),
    /** Usually one per progetto; a CUP can come back on a later avviso (renounce, reapply). */
    cup: text("cup"),
    /** The soggetto attuatore: the comune itself, or a school or other ente located in it. */
    beneficiaryKind: text("beneficiary_kind", { enum: BENEFICIARY_KINDS })
      .notNull()
      .default("comune"),
    beneficiaryName: text("beneficiary_name").notNull(),
    beneficiaryIpa: text("beneficiary_ipa"),
    candidaturaSentOn: text("candidatura_sent_on"),
    candidaturaProtocol: text("candidatura_protocol"),
    amountRequestedCents: integer("amount_requested_cents"),
    /** Pacchetto cittadino informato (the site): mandatory for 1.4.1 comuni. */
    sitePackage: integer("site_package", { mode: "boolean" }).notNull().default(true),
    /** Population band (1-6) of the candidatura, for measures with bands. */
    band: integer("band"),
    /** Number of services of the pacchetto cittadino attivo requested. */
    servicesCount: integer("services_count"),
    /** State in the official open data: A assigned, R renounced, E paid. */
    officialState: text("official_state", { enum: OFFICIAL_STATES }),
    officialStateOn: text("official_state_on"),
    /** As last imported from the open data; users' own figures stay in the columns above. */
    officialAmountCents: integer("official_amount_cents"),
    officialDecretoNumber: text("official_decreto_number"),
    officialDecreeOn: text("official_decree_on"),
    /**
     * The official identity: CUP (or codice IPA) as published, avviso and window. Kept
     * apart from the editable cup, so a CUP corrected by hand still matches the next file.
     */
    officialKey: text("official_key").unique(),
    officialCup: text("official_cup"),
    /** numero_finestra_temporale: a CUP renounced and applied again is a later window. */
    officialWindow: integer("official_window"),
    officialProtocol: text("official_protocol"),
    /** Date of the newest official file that set the official_* values. */
    officialSeenOn: text("official_seen_on"),
    enteId: integer("ente_id").references(() => ente.id, { onDelete: "set null" }),
    importedAt: text("imported_at"),
    notes: text("notes"),
    /** For the final conformity checklist. The verifier's test credentials are never stored. */
    siteUrl: text("site_url"),
    servicesUrl: text("services_url"),
    testCredentialsSupplied: integer("test_credentials_supplied", { mode: "boolean" })
      .notNull()
      .default(false),
    /** The deadlines the PA digitale 2026 platform shows, entered by the RUP (decision 009). */
    platformContractDue: text("platform_contract_due"),
    platformCompletionDue: text("platform_completion_due"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Covers the per-comune sums of the national overview (and every lookup by comune).
    index("progetto_comune_state_idx").on(
      t.comuneId,
      t.officialState,
      t.misura,
      t.beneficiaryKind,
      t.officialAmountCents,
    ),
    // Not unique: the same CUP and avviso come back in a later window.
    index("progetto_cup_avviso_idx").on(t.cup, t.avvisoId),
    index("progetto_ente_idx").on(t.enteId),
    check("progetto_band_check", sql`${t.band} IS NULL OR ${t.band} BETWEEN 1 AND 6`),
    check("progetto_cup_check", sql`${t.cup} IS NULL OR length(${t.cup}) = 15`),
    check(
      "progetto_amount_check",
      sql`${t.amountRequestedCents} IS NULL OR ${t.amountRequestedCents} >= 0`,
    ),
  ],
);

export const servizio = sqliteTable("servizio", {
  id: integer("id").primaryKey(),
  name: text("name").notNull().unique(),
  shortName: text("short_name").notNull(),
  flowKind: text("flow_kind", {
    enum: [
      "permessi-autorizzazioni",
      "domande-graduatoria",
      "servizi-pagamento",
      "vantaggi-economici",
      "pagamenti-dovuti",
    ],
  }).notNull(),
});

/** Services chosen in the candidatura; later swaps live in istanza_servizio. */
export const progettoServizio = sqliteTable(
  "progetto_servizio",
  {
    progettoId: integer("progetto_id")
      .notNull()
      .references(() => progetto.id, { onDelete: "cascade" }),
    servizioId: integer("servizio_id")
      .notNull()
      .references(() => servizio.id, { onDelete: "restrict" }),
  },
  (t) => [primaryKey({ columns: [t.progettoId, t.servizioId] })],
);

export const decreto = sqliteTable(
  "decreto",
  {
    id: integer("id").primaryKey(),
    progettoId: integer("progetto_id")
      .notNull()
      .unique()
      .references(() => progetto.id, { onDelete: "cascade" }),
    number: text("number").notNull(),
    decreeOn: text("decree_on").notNull(),
    notifiedOn: text("notified_on"),
    amountCents: integer("amount_cents"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check(
      "decreto_notified_after_decree",
      sql`${t.notifiedOn} IS NULL OR ${t.notifiedOn} >= ${t.decreeOn}`,
    ),
  ],
);

export const istanzaModifica = sqliteTable(
  "istanza_modifica",
  {
    id: integer("id").primaryKey(),
    progettoId: integer("progetto_id")
      .notNull()
      .references(() => progetto.id, { onDelete: "cascade" }),
    sentOn: text("sent_on").notNull(),
    kind: text("kind", { enum: ISTANZA_KINDS }).notNull(),
    reason: text("reason"),
    outcome: text("outcome", { enum: ISTANZA_OUTCOMES }).notNull().default("in-attesa"),
    outcomeOn: text("outcome_on"),
    /** For timetable changes: which deadline, what was asked and what was granted. */
    deadlineKind: text("deadline_kind", { enum: ["contract", "completion"] }),
    requestedDeadline: text("requested_deadline"),
    grantedDeadline: text("granted_deadline"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("istanza_progetto_idx").on(t.progettoId),
    check(
      "istanza_granted_only_when_accepted",
      sql`${t.grantedDeadline} IS NULL OR ${t.outcome} = 'accolta'`,
    ),
  ],
);

export const istanzaServizio = sqliteTable(
  "istanza_servizio",
  {
    istanzaId: integer("istanza_id")
      .notNull()
      .references(() => istanzaModifica.id, { onDelete: "cascade" }),
    servizioId: integer("servizio_id")
      .notNull()
      .references(() => servizio.id, { onDelete: "restrict" }),
    change: text("change", { enum: ["removed", "added"] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.istanzaId, t.servizioId] })],
);

/**
 * A change of a deadline as the platform grants it: a proroga of some days (automatica,
 * eccezionale, richiesta via PEC or in piattaforma), a quarterly completion slot, or a
 * rimessione in termini reopening a missed deadline until a date.
 */
export const proroga = sqliteTable(
  "proroga",
  {
    id: integer("id").primaryKey(),
    progettoId: integer("progetto_id")
      .notNull()
      .references(() => progetto.id, { onDelete: "cascade" }),
    deadlineKind: text("deadline_kind", { enum: ["contract", "completion"] }).notNull(),
    kind: text("kind", { enum: DEADLINE_CHANGE_KINDS }).notNull(),
    grantedOn: text("granted_on").notNull(),
    days: integer("days"),
    until: text("until"),
    note: text("note"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("proroga_progetto_idx").on(t.progettoId),
    check(
      "proroga_days_or_date",
      sql`(${t.kind} in ('slot-trimestrale', 'rimessione-in-termini') and ${t.until} is not null and ${t.days} is null) or (${t.kind} not in ('slot-trimestrale', 'rimessione-in-termini') and ${t.days} > 0 and ${t.until} is null)`,
    ),
  ],
);

export const determina = sqliteTable(
  "determina",
  {
    id: integer("id").primaryKey(),
    progettoId: integer("progetto_id")
      .notNull()
      .references(() => progetto.id, { onDelete: "cascade" }),
    number: text("number").notNull(),
    adoptedOn: text("adopted_on").notNull(),
    supplierName: text("supplier_name").notNull(),
    supplierVat: text("supplier_vat"),
    cig: text("cig"),
    amountCents: integer("amount_cents"),
    /** When the contract was signed; the determina date stands in when unknown. */
    contractOn: text("contract_on"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("determina_progetto_idx").on(t.progettoId),
    check("determina_cig_check", sql`${t.cig} IS NULL OR length(${t.cig}) = 10`),
  ],
);

export const evento = sqliteTable(
  "evento",
  {
    id: integer("id").primaryKey(),
    progettoId: integer("progetto_id")
      .notNull()
      .references(() => progetto.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: EVENT_KINDS }).notNull(),
    occurredOn: text("occurred_on").notNull(),
    /** Set for servizio-online. */
    servizioId: integer("servizio_id").references(() => servizio.id, { onDelete: "restrict" }),
    /** Set for asseverazione; for the formal and sample checks once their outcome is known. */
    outcome: text("outcome", { enum: EVENT_OUTCOMES }),
    /** Paid (erogazione), to return (failed sample check) or reused (riutilizzo-economie). */
    amountCents: integer("amount_cents"),
    /** The reversale of a payment, the act of a reuse of economie. */
    reference: text("reference"),
    /** The reply deadline of a request for integration. */
    dueOn: text("due_on"),
    /** When the comune replied to an integration, or sent its documents to a sample check. */
    repliedOn: text("replied_on"),
    /** The year a declaration of upkeep covers. */
    year: integer("year"),
    note: text("note"),
    source: text("source", { enum: ["manuale", "opendata", "demo"] })
      .notNull()
      .default("manuale"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("evento_progetto_idx").on(t.progettoId),
    check(
      "evento_servizio_check",
      sql`(${t.kind} = 'servizio-online') = (${t.servizioId} IS NOT NULL)`,
    ),
    check(
      "evento_outcome_check",
      sql`(${t.kind} <> 'asseverazione' OR ${t.outcome} IS NOT NULL) AND (${t.outcome} IS NULL OR ${t.kind} IN ('asseverazione', 'verifica-formale', 'controllo-campione'))`,
    ),
    check(
      "evento_due_check",
      sql`(${t.kind} = 'richiesta-integrazione') = (${t.dueOn} IS NOT NULL)`,
    ),
    check(
      "evento_year_check",
      sql`(${t.kind} = 'dichiarazione-mantenimento') = (${t.year} IS NOT NULL)`,
    ),
    // One declaration of upkeep per year (closure.ts says so in Italian first).
    uniqueIndex("evento_year_idx")
      .on(t.progettoId, t.year)
      .where(sql`${t.kind} = 'dichiarazione-mantenimento'`),
  ],
);

export const documento = sqliteTable(
  "documento",
  {
    id: integer("id").primaryKey(),
    progettoId: integer("progetto_id")
      .notNull()
      .references(() => progetto.id, { onDelete: "cascade" }),
    step: text("step", {
      enum: ["candidatura", "decreto", "istanza", "determina", "evento", "altro"],
    }).notNull(),
    decretoId: integer("decreto_id").references(() => decreto.id, { onDelete: "cascade" }),
    istanzaId: integer("istanza_id").references(() => istanzaModifica.id, { onDelete: "cascade" }),
    determinaId: integer("determina_id").references(() => determina.id, { onDelete: "cascade" }),
    eventoId: integer("evento_id").references(() => evento.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    originalName: text("original_name").notNull(),
    sha256: text("sha256").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    mediaType: text("media_type", {
      enum: ["application/pdf", "application/pkcs7-mime"],
    }).notNull(),
    publishable: integer("publishable", { mode: "boolean" }).notNull().default(false),
    uploadedAt: timestamp("uploaded_at"),
    uploadedBy: text("uploaded_by"),
  },
  (t) => [
    index("documento_progetto_idx").on(t.progettoId),
    index("documento_sha256_idx").on(t.sha256),
    check(
      "documento_one_step",
      sql`(${t.decretoId} IS NOT NULL) + (${t.istanzaId} IS NOT NULL) + (${t.determinaId} IS NOT NULL) + (${t.eventoId} IS NOT NULL) <= 1`,
    ),
  ],
);

/** An account. Scope: a coordinatore's unione, or the comuni of an editor or lettore. */
export const utente = sqliteTable("utente", {
  id: integer("id").primaryKey(),
  /** Stored lower-case, so sign-in ignores case. */
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  /** scrypt hash with its parameters and salt; never the password. */
  passwordHash: text("password_hash").notNull(),
  role: text("role", { enum: ROLES }).notNull(),
  unioneId: integer("unione_id").references(() => unione.id, { onDelete: "set null" }),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  /** Random salt of the secret calendar URLs; a new one revokes the old URLs. */
  calendarSalt: text("calendar_salt"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const utenteComune = sqliteTable(
  "utente_comune",
  {
    utenteId: integer("utente_id")
      .notNull()
      .references(() => utente.id, { onDelete: "cascade" }),
    comuneId: integer("comune_id")
      .notNull()
      .references(() => comune.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.utenteId, t.comuneId] })],
);

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is stored here. */
export const sessione = sqliteTable(
  "sessione",
  {
    tokenHash: text("token_hash").primaryKey(),
    utenteId: integer("utente_id")
      .notNull()
      .references(() => utente.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: text("expires_at").notNull(),
  },
  (t) => [index("sessione_utente_idx").on(t.utenteId)],
);

/** Failed sign-ins per e-mail and address, to slow down password guessing. */
export const loginThrottle = sqliteTable("login_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  firstFailureAt: text("first_failure_at").notNull(),
  lockedUntil: text("locked_until"),
});

export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey(),
    at: timestamp("at"),
    /** Who made the change: a user's e-mail, or "seed" / "import" for batch writes. */
    actor: text("actor").notNull(),
    actorUserId: integer("actor_user_id").references(() => utente.id, { onDelete: "set null" }),
    action: text("action", { enum: ["create", "update", "delete"] }).notNull(),
    entity: text("entity").notNull(),
    entityId: integer("entity_id"),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
  },
  (t) => [index("audit_entity_idx").on(t.entity, t.entityId)],
);

/**
 * One row whose version moves with every audited write, in the same transaction
 * (db/audit.ts): the public pages' ETag reads it with one primary-key lookup.
 */
export const dataVersion = sqliteTable("data_version", {
  id: integer("id").primaryKey(),
  version: integer("version").notNull(),
  changedAt: timestamp("changed_at"),
});

/*
 * The national overview's sums over imported progetti, rebuilt after each import: a
 * GROUP BY over 10^5 progetti takes longer than a page may, the sums of a few thousand
 * rows do not.
 */
export const overviewArea = sqliteTable(
  "overview_area",
  {
    regione: text("regione"),
    provincia: text("provincia"),
    misura: text("misura").notNull(),
    /** The progetti's beneficiary_kind: the overview counts comuni alone by default. */
    beneficiaryKind: text("beneficiary_kind").notNull().default("comune"),
    state: text("state", { enum: ["A", "E", "R"] }).notNull(),
    count: integer("count").notNull(),
    amountCents: integer("amount_cents").notNull(),
  },
  (t) => [index("overview_area_place_idx").on(t.regione, t.provincia)],
);

/** 1.4.1 progetti of comuni by the band and services their official amount implies. */
export const overviewBand = sqliteTable(
  "overview_band",
  {
    regione: text("regione"),
    provincia: text("provincia"),
    band: integer("band").notNull(),
    services: integer("services").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [index("overview_band_place_idx").on(t.regione, t.provincia)],
);

/** Erogazioni by month ("2024-03"). */
export const overviewMonth = sqliteTable(
  "overview_month",
  {
    regione: text("regione"),
    provincia: text("provincia"),
    misura: text("misura").notNull(),
    beneficiaryKind: text("beneficiary_kind").notNull().default("comune"),
    month: text("month").notNull(),
    count: integer("count").notNull(),
    amountCents: integer("amount_cents").notNull(),
  },
  (t) => [index("overview_month_place_idx").on(t.regione, t.provincia)],
);

/** Which import the sums above reflect (the id of its audit entry). */
export const overviewMeta = sqliteTable("overview_meta", {
  id: integer("id").primaryKey(),
  importVersion: integer("import_version"),
  builtAt: text("built_at").notNull(),
});

/** One criterion of a progetto's conformity checklist, as the user set it. */
export const conformita = sqliteTable(
  "conformita",
  {
    id: integer("id").primaryKey(),
    progettoId: integer("progetto_id")
      .notNull()
      .references(() => progetto.id, { onDelete: "cascade" }),
    criterion: text("criterion").notNull(),
    /** The service a C.SE criterion is about; null for the site's C.SI criteria. */
    servizioId: integer("servizio_id").references(() => servizio.id, { onDelete: "restrict" }),
    status: text("status", { enum: ["da-verificare", "conforme", "tollerato", "non-conforme"] })
      .notNull()
      .default("da-verificare"),
    note: text("note"),
    evidenceUrl: text("evidence_url"),
    setBy: text("set_by"),
    setAt: text("set_at"),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("conformita_item_idx").on(
      t.progettoId,
      t.criterion,
      sql`coalesce(${t.servizioId}, 0)`,
    ),
  ],
);

/** Each service's address, for the final checklist. */
export const servizioUrl = sqliteTable(
  "servizio_url",
  {
    progettoId: integer("progetto_id")
      .notNull()
      .references(() => progetto.id, { onDelete: "cascade" }),
    servizioId: integer("servizio_id")
      .notNull()
      .references(() => servizio.id, { onDelete: "restrict" }),
    url: text("url").notNull(),
  },
  (t) => [primaryKey({ columns: [t.progettoId, t.servizioId] })],
);

/** Evidence from the automatic checks of the site: what was found, when. */
export const verificaSito = sqliteTable(
  "verifica_sito",
  {
    id: integer("id").primaryKey(),
    progettoId: integer("progetto_id")
      .notNull()
      .references(() => progetto.id, { onDelete: "cascade" }),
    checkedAt: text("checked_at").notNull(),
    siteUrl: text("site_url").notNull(),
    criterion: text("criterion").notNull(),
    outcome: text("outcome", { enum: ["conforme", "non-conforme", "non-verificabile"] }).notNull(),
    detail: text("detail").notNull(),
  },
  (t) => [index("verifica_sito_progetto_idx").on(t.progettoId, t.checkedAt)],
);

/** An official file the sync downloads (npm run sync:opendata): what it last saw and did. */
export const opendataSource = sqliteTable("opendata_source", {
  id: integer("id").primaryKey(),
  url: text("url").notNull().unique(),
  /** Validators for the next conditional request, from the last file imported. */
  etag: text("etag"),
  lastModified: text("last_modified"),
  sha256: text("sha256"),
  lastCheckedAt: text("last_checked_at"),
  /** Last answer with the file (200) or confirming it unchanged (304). */
  lastSeenAt: text("last_seen_at"),
  /** Last time a changed file was imported. */
  lastChangedAt: text("last_changed_at"),
  /** The date of the data of the last file imported (see the import's file date). */
  fileDate: text("file_date"),
  /** What happened at the last check, in Italian, for the admin. */
  lastOutcome: text("last_outcome"),
  lastOk: integer("last_ok", { mode: "boolean" }),
});

/**
 * The date-only part of each progetto's assessment (assessProgetto), kept so that lists can
 * count, filter and order at national scale in SQL (decision 007). A cache, never a source:
 * triggers put a progetto in progetto_stale when any of its facts change, and readers
 * refresh the stale ones from the facts before they read. Statuses (which depend on the
 * day) are never stored.
 */
export const progettoAssessment = sqliteTable(
  "progetto_assessment",
  {
    progettoId: integer("progetto_id")
      .primaryKey()
      .references(() => progetto.id, { onDelete: "cascade" }),
    phase: text("phase").notNull(),
    /** Copied from progetto and the read model, so the summary's counts scan one narrow table. */
    officialState: text("official_state", { enum: OFFICIAL_STATES }),
    /** What was granted, as AssessedProgetto.amountCents. */
    amountCents: integer("amount_cents"),
    /** The deadlines still open (not met, progetto not closed); null otherwise. */
    contractDue: text("contract_due"),
    completionDue: text("completion_due"),
    /** The first reply owed to a request for integration (assessment.closure.nextReply). */
    integrationDue: text("integration_due"),
    /** The first open deadline, as assessment.next. */
    nextDue: text("next_due"),
  },
  (t) => [
    index("progetto_assessment_contract_idx").on(t.contractDue),
    index("progetto_assessment_completion_idx").on(t.completionDue),
    index("progetto_assessment_integration_idx").on(t.integrationDue),
    index("progetto_assessment_next_idx").on(t.nextDue),
    // Covers the dashboard's counts: one index scan, no temporary table.
    index("progetto_assessment_summary_idx").on(t.phase, t.officialState, t.nextDue, t.amountCents),
  ],
);

/** Progetti whose facts changed since their assessment was stored (filled by triggers). */
export const progettoStale = sqliteTable("progetto_stale", {
  progettoId: integer("progetto_id").primaryKey(),
});

/** Which version of the assessment rules the stored assessments follow. */
export const assessmentMeta = sqliteTable("assessment_meta", {
  id: integer("id").primaryKey(),
  rulesVersion: integer("rules_version").notNull(),
});

export const JOB_KINDS = ["import", "sync", "backup", "site-check"] as const;
export const JOB_STATES = ["in coda", "in corso", "riuscito", "fallito", "interrotto"] as const;

/**
 * A long job run off the request path (app/infra/jobs.server.ts): kept here so that its
 * state and outcome outlive the server. While it runs, `lock` holds what it may not share:
 * "dati" for the jobs that write or copy the whole data, "progetto:ID" for a site check.
 */
export const job = sqliteTable(
  "job",
  {
    id: integer("id").primaryKey(),
    kind: text("kind", { enum: JOB_KINDS }).notNull(),
    state: text("state", { enum: JOB_STATES }).notNull().default("in coda"),
    lock: text("lock").notNull(),
    /** 0..1; the live value of a running job is in the server's memory, saved now and then. */
    progress: real("progress").notNull().default(0),
    /** The e-mail of who started it. */
    startedBy: text("started_by").notNull(),
    startedByUserId: integer("started_by_user_id").references(() => utente.id, {
      onDelete: "set null",
    }),
    /** The progetto a site check is about. */
    progettoId: integer("progetto_id").references(() => progetto.id, { onDelete: "cascade" }),
    params: text("params", { mode: "json" }).notNull(),
    /** What it did (kind-specific), once it ended. */
    report: text("report", { mode: "json" }),
    /** Why it failed or stopped, in Italian, for the page. */
    error: text("error"),
    createdAt: createdAt(),
    startedAt: text("started_at"),
    finishedAt: text("finished_at"),
  },
  (t) => [
    // One running job per lock: two starts at once cannot both get in.
    uniqueIndex("job_running_lock_idx").on(t.lock).where(sql`state in ('in coda', 'in corso')`),
    index("job_kind_idx").on(t.kind, t.id),
    index("job_progetto_idx").on(t.progettoId, t.id),
  ],
);

export const PROMEMORIA_KINDS = ["scadenza", "riepilogo"] as const;

/**
 * Every reminder e-mail, written before it is sent (app/features/reminders): the unique
 * keys let one run only claim it, so two runs at once never send it twice. A row without
 * sent_at is being sent, or failed (error) and is tried again by the next run while due.
 */
export const promemoria = sqliteTable(
  "promemoria",
  {
    id: integer("id").primaryKey(),
    /** "scadenza": one deadline to a comune's editor; "riepilogo": a coordinator's week. */
    kind: text("kind", { enum: PROMEMORIA_KINDS }).notNull(),
    /** The address it went to. */
    recipient: text("recipient").notNull(),
    progettoId: integer("progetto_id").references(() => progetto.id, { onDelete: "cascade" }),
    deadline: text("deadline", { enum: ["contract", "completion", "integration"] }),
    unioneId: integer("unione_id").references(() => unione.id, { onDelete: "cascade" }),
    /** The deadline's date (a moved deadline is reminded again); a digest's Monday. */
    dueOn: text("due_on").notNull(),
    /** Which of the configured days before the deadline this reminder is. */
    daysBefore: integer("days_before"),
    attemptedAt: text("attempted_at").notNull(),
    attempts: integer("attempts").notNull().default(1),
    sentAt: text("sent_at"),
    /** Why the last attempt failed, as the SMTP server or the network said. */
    error: text("error"),
  },
  (t) => [
    uniqueIndex("promemoria_scadenza_idx")
      .on(t.recipient, t.progettoId, t.deadline, t.dueOn, t.daysBefore)
      .where(sql`kind = 'scadenza'`),
    uniqueIndex("promemoria_riepilogo_idx").on(t.recipient, t.dueOn).where(sql`kind = 'riepilogo'`),
    index("promemoria_progetto_idx").on(t.progettoId),
    index("promemoria_unione_idx").on(t.unioneId),
    check(
      "promemoria_scadenza_key",
      sql`${t.kind} <> 'scadenza' or (${t.progettoId} is not null and ${t.deadline} is not null and ${t.daysBefore} is not null)`,
    ),
  ],
);
