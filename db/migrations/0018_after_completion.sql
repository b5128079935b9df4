PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_evento` (
	`id` integer PRIMARY KEY NOT NULL,
	`progetto_id` integer NOT NULL,
	`kind` text NOT NULL,
	`occurred_on` text NOT NULL,
	`servizio_id` integer,
	`outcome` text,
	`amount_cents` integer,
	`reference` text,
	`due_on` text,
	`replied_on` text,
	`year` integer,
	`note` text,
	`source` text DEFAULT 'manuale' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`progetto_id`) REFERENCES `progetto`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`servizio_id`) REFERENCES `servizio`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "evento_servizio_check" CHECK(("__new_evento"."kind" = 'servizio-online') = ("__new_evento"."servizio_id" IS NOT NULL)),
	CONSTRAINT "evento_outcome_check" CHECK(("__new_evento"."kind" <> 'asseverazione' OR "__new_evento"."outcome" IS NOT NULL) AND ("__new_evento"."outcome" IS NULL OR "__new_evento"."kind" IN ('asseverazione', 'verifica-formale', 'controllo-campione'))),
	CONSTRAINT "evento_due_check" CHECK(("__new_evento"."kind" = 'richiesta-integrazione') = ("__new_evento"."due_on" IS NOT NULL)),
	CONSTRAINT "evento_year_check" CHECK(("__new_evento"."kind" = 'dichiarazione-mantenimento') = ("__new_evento"."year" IS NOT NULL))
);
--> statement-breakpoint
INSERT INTO `__new_evento`("id", "progetto_id", "kind", "occurred_on", "servizio_id", "outcome", "amount_cents", "reference", "due_on", "replied_on", "year", "note", "source", "created_at", "updated_at") SELECT "id", "progetto_id", "kind", "occurred_on", "servizio_id", "outcome", "amount_cents", NULL, NULL, NULL, NULL, "note", "source", "created_at", "updated_at" FROM `evento`;--> statement-breakpoint
DROP TABLE `evento`;--> statement-breakpoint
ALTER TABLE `__new_evento` RENAME TO `evento`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `evento_progetto_idx` ON `evento` (`progetto_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `evento_year_idx` ON `evento` (`progetto_id`,`year`) WHERE "evento"."kind" = 'dichiarazione-mantenimento';--> statement-breakpoint
ALTER TABLE `progetto_assessment` ADD `integration_due` text;--> statement-breakpoint
CREATE INDEX `progetto_assessment_integration_idx` ON `progetto_assessment` (`integration_due`);--> statement-breakpoint
-- The rebuilt table lost the triggers that mark its progetto's stored assessment stale (0015).
CREATE TRIGGER `evento_stale_insert` AFTER INSERT ON `evento` BEGIN INSERT OR IGNORE INTO `progetto_stale` VALUES (new.`progetto_id`); END;
--> statement-breakpoint
CREATE TRIGGER `evento_stale_update` AFTER UPDATE ON `evento` BEGIN INSERT OR IGNORE INTO `progetto_stale` VALUES (old.`progetto_id`); INSERT OR IGNORE INTO `progetto_stale` VALUES (new.`progetto_id`); END;
--> statement-breakpoint
CREATE TRIGGER `evento_stale_delete` AFTER DELETE ON `evento` BEGIN INSERT OR IGNORE INTO `progetto_stale` VALUES (old.`progetto_id`); END;
