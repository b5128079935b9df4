CREATE TABLE `promemoria` (
	`id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`recipient` text NOT NULL,
	`progetto_id` integer,
	`deadline` text,
	`unione_id` integer,
	`due_on` text NOT NULL,
	`days_before` integer,
	`attempted_at` text NOT NULL,
	`attempts` integer DEFAULT 1 NOT NULL,
	`sent_at` text,
	`error` text,
	FOREIGN KEY (`progetto_id`) REFERENCES `progetto`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unione_id`) REFERENCES `unione`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "promemoria_scadenza_key" CHECK("promemoria"."kind" <> 'scadenza' or ("promemoria"."progetto_id" is not null and "promemoria"."deadline" is not null and "promemoria"."days_before" is not null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `promemoria_scadenza_idx` ON `promemoria` (`recipient`,`progetto_id`,`deadline`,`due_on`,`days_before`) WHERE kind = 'scadenza';--> statement-breakpoint
CREATE UNIQUE INDEX `promemoria_riepilogo_idx` ON `promemoria` (`recipient`,`due_on`) WHERE kind = 'riepilogo';--> statement-breakpoint
CREATE INDEX `promemoria_progetto_idx` ON `promemoria` (`progetto_id`);--> statement-breakpoint
CREATE INDEX `promemoria_unione_idx` ON `promemoria` (`unione_id`);