CREATE TABLE `job` (
	`id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`state` text DEFAULT 'in coda' NOT NULL,
	`lock` text NOT NULL,
	`progress` real DEFAULT 0 NOT NULL,
	`started_by` text NOT NULL,
	`started_by_user_id` integer,
	`progetto_id` integer,
	`params` text NOT NULL,
	`report` text,
	`error` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`started_at` text,
	`finished_at` text,
	FOREIGN KEY (`started_by_user_id`) REFERENCES `utente`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`progetto_id`) REFERENCES `progetto`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `job_running_lock_idx` ON `job` (`lock`) WHERE state in ('in coda', 'in corso');--> statement-breakpoint
CREATE INDEX `job_kind_idx` ON `job` (`kind`,`id`);--> statement-breakpoint
CREATE INDEX `job_progetto_idx` ON `job` (`progetto_id`,`id`);