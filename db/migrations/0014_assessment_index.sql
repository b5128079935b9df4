CREATE TABLE `assessment_meta` (
	`id` integer PRIMARY KEY NOT NULL,
	`rules_version` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `progetto_assessment` (
	`progetto_id` integer PRIMARY KEY NOT NULL,
	`phase` text NOT NULL,
	`official_state` text,
	`amount_cents` integer,
	`contract_due` text,
	`completion_due` text,
	`next_due` text,
	FOREIGN KEY (`progetto_id`) REFERENCES `progetto`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `progetto_assessment_contract_idx` ON `progetto_assessment` (`contract_due`);--> statement-breakpoint
CREATE INDEX `progetto_assessment_completion_idx` ON `progetto_assessment` (`completion_due`);--> statement-breakpoint
CREATE INDEX `progetto_assessment_next_idx` ON `progetto_assessment` (`next_due`);--> statement-breakpoint
CREATE INDEX `progetto_assessment_summary_idx` ON `progetto_assessment` (`phase`,`official_state`,`next_due`,`amount_cents`);--> statement-breakpoint
CREATE TABLE `progetto_stale` (
	`progetto_id` integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE INDEX `comune_name_idx` ON `comune` (`name`);