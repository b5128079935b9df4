CREATE TABLE `conformita` (
	`id` integer PRIMARY KEY NOT NULL,
	`progetto_id` integer NOT NULL,
	`criterion` text NOT NULL,
	`servizio_id` integer,
	`status` text DEFAULT 'da-verificare' NOT NULL,
	`note` text,
	`evidence_url` text,
	`set_by` text,
	`set_at` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`progetto_id`) REFERENCES `progetto`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`servizio_id`) REFERENCES `servizio`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
-- One row per criterion and service; coalesce lets the site's criteria (no service) be unique too.
CREATE UNIQUE INDEX `conformita_item_idx` ON `conformita` (`progetto_id`,`criterion`,coalesce(`servizio_id`, 0));--> statement-breakpoint
CREATE TABLE `servizio_url` (
	`progetto_id` integer NOT NULL,
	`servizio_id` integer NOT NULL,
	`url` text NOT NULL,
	PRIMARY KEY(`progetto_id`, `servizio_id`),
	FOREIGN KEY (`progetto_id`) REFERENCES `progetto`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`servizio_id`) REFERENCES `servizio`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `verifica_sito` (
	`id` integer PRIMARY KEY NOT NULL,
	`progetto_id` integer NOT NULL,
	`checked_at` text NOT NULL,
	`site_url` text NOT NULL,
	`criterion` text NOT NULL,
	`outcome` text NOT NULL,
	`detail` text NOT NULL,
	FOREIGN KEY (`progetto_id`) REFERENCES `progetto`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `verifica_sito_progetto_idx` ON `verifica_sito` (`progetto_id`,`checked_at`);--> statement-breakpoint
ALTER TABLE `progetto` ADD `site_url` text;--> statement-breakpoint
ALTER TABLE `progetto` ADD `services_url` text;--> statement-breakpoint
ALTER TABLE `progetto` ADD `test_credentials_supplied` integer DEFAULT false NOT NULL;