CREATE TABLE `overview_area` (
	`regione` text,
	`provincia` text,
	`misura` text NOT NULL,
	`state` text NOT NULL,
	`count` integer NOT NULL,
	`amount_cents` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `overview_area_place_idx` ON `overview_area` (`regione`,`provincia`);--> statement-breakpoint
CREATE TABLE `overview_band` (
	`regione` text,
	`provincia` text,
	`band` integer NOT NULL,
	`services` integer NOT NULL,
	`count` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `overview_band_place_idx` ON `overview_band` (`regione`,`provincia`);--> statement-breakpoint
CREATE TABLE `overview_meta` (
	`id` integer PRIMARY KEY NOT NULL,
	`import_version` integer,
	`built_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `overview_month` (
	`regione` text,
	`provincia` text,
	`misura` text NOT NULL,
	`month` text NOT NULL,
	`count` integer NOT NULL,
	`amount_cents` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `overview_month_place_idx` ON `overview_month` (`regione`,`provincia`);--> statement-breakpoint
DROP INDEX `progetto_comune_idx`;--> statement-breakpoint
CREATE INDEX `progetto_comune_state_idx` ON `progetto` (`comune_id`,`official_state`,`misura`,`official_amount_cents`);