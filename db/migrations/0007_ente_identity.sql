CREATE TABLE `comune_codice_istat` (
	`comune_id` integer NOT NULL,
	`codice_istat` text NOT NULL,
	`first_seen_on` text NOT NULL,
	`last_seen_on` text NOT NULL,
	PRIMARY KEY(`comune_id`, `codice_istat`),
	FOREIGN KEY (`comune_id`) REFERENCES `comune`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `comune_codice_istat_code_idx` ON `comune_codice_istat` (`codice_istat`);--> statement-breakpoint
CREATE TABLE `ente` (
	`id` integer PRIMARY KEY NOT NULL,
	`codice_ipa` text NOT NULL,
	`name` text NOT NULL,
	`tipologia` text NOT NULL,
	`kind` text NOT NULL,
	`comune_id` integer NOT NULL,
	`official_seen_on` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`comune_id`) REFERENCES `comune`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ente_codice_ipa_unique` ON `ente` (`codice_ipa`);--> statement-breakpoint
CREATE INDEX `ente_comune_idx` ON `ente` (`comune_id`);--> statement-breakpoint
DROP INDEX `comune_codice_istat_unique`;--> statement-breakpoint
ALTER TABLE `comune` ADD `cod_provincia` text;--> statement-breakpoint
ALTER TABLE `comune` ADD `cod_regione` text;--> statement-breakpoint
ALTER TABLE `comune` ADD `suppressed` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `comune` ADD `official_seen_on` text;--> statement-breakpoint
CREATE INDEX `comune_istat_idx` ON `comune` (`codice_istat`);--> statement-breakpoint
DROP INDEX `progetto_cup_avviso_idx`;--> statement-breakpoint
ALTER TABLE `progetto` ADD `official_key` text;--> statement-breakpoint
ALTER TABLE `progetto` ADD `official_cup` text;--> statement-breakpoint
ALTER TABLE `progetto` ADD `official_window` integer;--> statement-breakpoint
ALTER TABLE `progetto` ADD `official_protocol` text;--> statement-breakpoint
ALTER TABLE `progetto` ADD `official_seen_on` text;--> statement-breakpoint
ALTER TABLE `progetto` ADD `ente_id` integer REFERENCES ente(id);--> statement-breakpoint
CREATE UNIQUE INDEX `progetto_official_key_unique` ON `progetto` (`official_key`);--> statement-breakpoint
CREATE INDEX `progetto_ente_idx` ON `progetto` (`ente_id`);--> statement-breakpoint
CREATE INDEX `progetto_cup_avviso_idx` ON `progetto` (`cup`,`avviso_id`);--> statement-breakpoint
ALTER TABLE `overview_area` ADD `beneficiary_kind` text DEFAULT 'comune' NOT NULL;--> statement-breakpoint
ALTER TABLE `overview_month` ADD `beneficiary_kind` text DEFAULT 'comune' NOT NULL;