CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` integer,
	`before` text,
	`after` text
);
--> statement-breakpoint
CREATE INDEX `audit_entity_idx` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `avviso` (
	`id` integer PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`misura` text NOT NULL,
	`target` text,
	`window_label` text,
	`opens_on` text,
	`closes_on` text,
	`rules` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `avviso_title_unique` ON `avviso` (`title`);--> statement-breakpoint
CREATE TABLE `comune` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`codice_istat` text NOT NULL,
	`codice_catastale` text,
	`codice_ipa` text,
	`provincia` text,
	`regione` text,
	`population` integer,
	`population_date` text,
	`unione_id` integer,
	`fictional` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`unione_id`) REFERENCES `unione`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "comune_population_check" CHECK("comune"."population" IS NULL OR "comune"."population" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `comune_codice_istat_unique` ON `comune` (`codice_istat`);--> statement-breakpoint
CREATE UNIQUE INDEX `comune_codice_catastale_unique` ON `comune` (`codice_catastale`);--> statement-breakpoint
CREATE UNIQUE INDEX `comune_codice_ipa_unique` ON `comune` (`codice_ipa`);--> statement-breakpoint
CREATE INDEX `comune_unione_idx` ON `comune` (`unione_id`);--> statement-breakpoint
CREATE TABLE `decreto` (
	`id` integer PRIMARY KEY NOT NULL,
	`progetto_id` integer NOT NULL,
	`number` text NOT NULL,
	`decree_on` text NOT NULL,
	`notified_on` text,
	`amount_cents` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`progetto_id`) REFERENCES `progetto`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "decreto_notified_after_decree" CHECK("decreto"."notified_on" IS NULL OR "decreto"."notified_on" >= "decreto"."decree_on")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `decreto_progetto_id_unique` ON `decreto` (`progetto_id`);--> statement-breakpoint
CREATE TABLE `determina` (
	`id` integer PRIMARY KEY NOT NULL,
	`progetto_id` integer NOT NULL,
	`number` text NOT NULL,
	`adopted_on` text NOT NULL,
	`supplier_name` text NOT NULL,
	`supplier_vat` text,
	`cig` text,
	`amount_cents` integer,
	`contract_on` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`progetto_id`) REFERENCES `progetto`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "determina_cig_check" CHECK("determina"."cig" IS NULL OR length("determina"."cig") = 10)
);
--> statement-breakpoint
CREATE INDEX `determina_progetto_idx` ON `determina` (`progetto_id`);--> statement-breakpoint
CREATE TABLE `documento` (
	`id` integer PRIMARY KEY NOT NULL,
	`progetto_id` integer NOT NULL,
	`step` text NOT NULL,
	`decreto_id` integer,
	`istanza_id` integer,
	`determina_id` integer,
	`evento_id` integer,
	`title` text NOT NULL,
	`original_name` text NOT NULL,
	`sha256` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`media_type` text NOT NULL,
	`publishable` integer DEFAULT false NOT NULL,
	`uploaded_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`uploaded_by` text,
	FOREIGN KEY (`progetto_id`) REFERENCES `progetto`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decreto_id`) REFERENCES `decreto`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`istanza_id`) REFERENCES `istanza_modifica`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`determina_id`) REFERENCES `determina`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`evento_id`) REFERENCES `evento`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "documento_one_step" CHECK(("documento"."decreto_id" IS NOT NULL) + ("documento"."istanza_id" IS NOT NULL) + ("documento"."determina_id" IS NOT NULL) + ("documento"."evento_id" IS NOT NULL) <= 1)
);
--> statement-breakpoint
CREATE INDEX `documento_progetto_idx` ON `documento` (`progetto_id`);--> statement-breakpoint
CREATE INDEX `documento_sha256_idx` ON `documento` (`sha256`);--> statement-breakpoint
CREATE TABLE `evento` (
	`id` integer PRIMARY KEY NOT NULL,
	`progetto_id` integer NOT NULL,
	`kind` text NOT NULL,
	`occurred_on` text NOT NULL,
	`servizio_id` integer,
	`outcome` text,
	`amount_cents` integer,
	`note` text,
	`source` text DEFAULT 'manuale' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`progetto_id`) REFERENCES `progetto`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`servizio_id`) REFERENCES `servizio`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "evento_servizio_check" CHECK(("evento"."kind" = 'servizio-online') = ("evento"."servizio_id" IS NOT NULL)),
	CONSTRAINT "evento_outcome_check" CHECK(("evento"."kind" = 'asseverazione') = ("evento"."outcome" IS NOT NULL))
);
--> statement-breakpoint
CREATE INDEX `evento_progetto_idx` ON `evento` (`progetto_id`);--> statement-breakpoint
CREATE TABLE `istanza_modifica` (
	`id` integer PRIMARY KEY NOT NULL,
	`progetto_id` integer NOT NULL,
	`sent_on` text NOT NULL,
	`kind` text NOT NULL,
	`reason` text,
	`outcome` text DEFAULT 'in-attesa' NOT NULL,
	`outcome_on` text,
	`deadline_kind` text,
	`requested_deadline` text,
	`granted_deadline` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`progetto_id`) REFERENCES `progetto`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "istanza_granted_only_when_accepted" CHECK("istanza_modifica"."granted_deadline" IS NULL OR "istanza_modifica"."outcome" = 'accolta')
);
--> statement-breakpoint
CREATE INDEX `istanza_progetto_idx` ON `istanza_modifica` (`progetto_id`);--> statement-breakpoint
CREATE TABLE `istanza_servizio` (
	`istanza_id` integer NOT NULL,
	`servizio_id` integer NOT NULL,
	`change` text NOT NULL,
	PRIMARY KEY(`istanza_id`, `servizio_id`),
	FOREIGN KEY (`istanza_id`) REFERENCES `istanza_modifica`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`servizio_id`) REFERENCES `servizio`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `progetto` (
	`id` integer PRIMARY KEY NOT NULL,
	`comune_id` integer NOT NULL,
	`avviso_id` integer,
	`misura` text NOT NULL,
	`title` text NOT NULL,
	`cup` text,
	`beneficiary_kind` text DEFAULT 'comune' NOT NULL,
	`beneficiary_name` text NOT NULL,
	`beneficiary_ipa` text,
	`candidatura_sent_on` text,
	`candidatura_protocol` text,
	`amount_requested_cents` integer,
	`site_package` integer DEFAULT true NOT NULL,
	`band` integer,
	`services_count` integer,
	`official_state` text,
	`official_state_on` text,
	`notes` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`comune_id`) REFERENCES `comune`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`avviso_id`) REFERENCES `avviso`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "progetto_band_check" CHECK("progetto"."band" IS NULL OR "progetto"."band" BETWEEN 1 AND 6),
	CONSTRAINT "progetto_cup_check" CHECK("progetto"."cup" IS NULL OR length("progetto"."cup") = 15),
	CONSTRAINT "progetto_amount_check" CHECK("progetto"."amount_requested_cents" IS NULL OR "progetto"."amount_requested_cents" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `progetto_cup_unique` ON `progetto` (`cup`);--> statement-breakpoint
CREATE INDEX `progetto_comune_idx` ON `progetto` (`comune_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `progetto_beneficiary_avviso_idx` ON `progetto` (`beneficiary_ipa`,`avviso_id`);--> statement-breakpoint
CREATE TABLE `progetto_servizio` (
	`progetto_id` integer NOT NULL,
	`servizio_id` integer NOT NULL,
	PRIMARY KEY(`progetto_id`, `servizio_id`),
	FOREIGN KEY (`progetto_id`) REFERENCES `progetto`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`servizio_id`) REFERENCES `servizio`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `servizio` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`short_name` text NOT NULL,
	`flow_kind` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `servizio_name_unique` ON `servizio` (`name`);--> statement-breakpoint
CREATE TABLE `unione` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`provincia` text,
	`codice_ipa` text,
	`fictional` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `unione_name_unique` ON `unione` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `unione_codice_ipa_unique` ON `unione` (`codice_ipa`);