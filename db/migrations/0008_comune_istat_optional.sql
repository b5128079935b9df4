PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_comune` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`codice_istat` text,
	`codice_catastale` text,
	`codice_ipa` text,
	`provincia` text,
	`cod_provincia` text,
	`regione` text,
	`cod_regione` text,
	`suppressed` integer DEFAULT false NOT NULL,
	`official_seen_on` text,
	`population` integer,
	`population_date` text,
	`unione_id` integer,
	`fictional` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`unione_id`) REFERENCES `unione`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "comune_population_check" CHECK("__new_comune"."population" IS NULL OR "__new_comune"."population" >= 0)
);
--> statement-breakpoint
INSERT INTO `__new_comune`("id", "name", "codice_istat", "codice_catastale", "codice_ipa", "provincia", "cod_provincia", "regione", "cod_regione", "suppressed", "official_seen_on", "population", "population_date", "unione_id", "fictional", "created_at", "updated_at") SELECT "id", "name", "codice_istat", "codice_catastale", "codice_ipa", "provincia", "cod_provincia", "regione", "cod_regione", "suppressed", "official_seen_on", "population", "population_date", "unione_id", "fictional", "created_at", "updated_at" FROM `comune`;--> statement-breakpoint
DROP TABLE `comune`;--> statement-breakpoint
ALTER TABLE `__new_comune` RENAME TO `comune`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `comune_codice_catastale_unique` ON `comune` (`codice_catastale`);--> statement-breakpoint
CREATE UNIQUE INDEX `comune_codice_ipa_unique` ON `comune` (`codice_ipa`);--> statement-breakpoint
CREATE INDEX `comune_unione_idx` ON `comune` (`unione_id`);--> statement-breakpoint
CREATE INDEX `comune_istat_idx` ON `comune` (`codice_istat`);