CREATE TABLE `login_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`first_failure_at` text NOT NULL,
	`locked_until` text
);
--> statement-breakpoint
CREATE TABLE `sessione` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`utente_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`utente_id`) REFERENCES `utente`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessione_utente_idx` ON `sessione` (`utente_id`);--> statement-breakpoint
CREATE TABLE `utente` (
	`id` integer PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`unione_id` integer,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`unione_id`) REFERENCES `unione`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `utente_email_unique` ON `utente` (`email`);--> statement-breakpoint
CREATE TABLE `utente_comune` (
	`utente_id` integer NOT NULL,
	`comune_id` integer NOT NULL,
	PRIMARY KEY(`utente_id`, `comune_id`),
	FOREIGN KEY (`utente_id`) REFERENCES `utente`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`comune_id`) REFERENCES `comune`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `audit_log` ADD `actor_user_id` integer REFERENCES utente(id);