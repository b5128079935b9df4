CREATE TABLE `proroga` (
	`id` integer PRIMARY KEY NOT NULL,
	`progetto_id` integer NOT NULL,
	`deadline_kind` text NOT NULL,
	`kind` text NOT NULL,
	`granted_on` text NOT NULL,
	`days` integer,
	`until` text,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`progetto_id`) REFERENCES `progetto`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "proroga_days_or_date" CHECK(("proroga"."kind" in ('slot-trimestrale', 'rimessione-in-termini') and "proroga"."until" is not null and "proroga"."days" is null) or ("proroga"."kind" not in ('slot-trimestrale', 'rimessione-in-termini') and "proroga"."days" > 0 and "proroga"."until" is null))
);
--> statement-breakpoint
CREATE INDEX `proroga_progetto_idx` ON `proroga` (`progetto_id`);--> statement-breakpoint
ALTER TABLE `avviso` ADD `contract_from` text;--> statement-breakpoint
ALTER TABLE `avviso` ADD `contract_days_small` integer;--> statement-breakpoint
ALTER TABLE `avviso` ADD `contract_days_large` integer;--> statement-breakpoint
ALTER TABLE `avviso` ADD `completion_from` text;--> statement-breakpoint
ALTER TABLE `avviso` ADD `completion_days_small` integer;--> statement-breakpoint
ALTER TABLE `avviso` ADD `completion_days_large` integer;--> statement-breakpoint
ALTER TABLE `avviso` ADD `final_deadline` text;--> statement-breakpoint
ALTER TABLE `avviso` ADD `rules_source` text;--> statement-breakpoint
ALTER TABLE `avviso` ADD `updated_at` text;--> statement-breakpoint
ALTER TABLE `progetto` ADD `platform_contract_due` text;--> statement-breakpoint
ALTER TABLE `progetto` ADD `platform_completion_due` text;--> statement-breakpoint
-- Misura 1.4.1 for Comuni keeps its counting (decision 009): 180/270 days from the notification
-- to contract, 270/360 from the contract to complete.
UPDATE `avviso` SET `contract_from` = 'notifica', `contract_days_small` = 180, `contract_days_large` = 270, `completion_from` = 'contratto', `completion_days_small` = 270, `completion_days_large` = 360 WHERE `rules` = 'misura-1.4.1-comuni' AND `contract_from` IS NULL;
--> statement-breakpoint
-- The stored assessments (decision 007) follow the new facts: changes of deadline, the
-- platform's dates, the avviso a progetto answers and the avviso's rules.
DROP TRIGGER IF EXISTS `progetto_stale_update`;
--> statement-breakpoint
CREATE TRIGGER `progetto_stale_update` AFTER UPDATE OF `band`, `comune_id`, `avviso_id`, `official_state`, `official_state_on`, `official_amount_cents`, `amount_requested_cents`, `platform_contract_due`, `platform_completion_due` ON `progetto` BEGIN INSERT OR IGNORE INTO `progetto_stale` VALUES (new.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `proroga_stale_insert` AFTER INSERT ON `proroga` BEGIN INSERT OR IGNORE INTO `progetto_stale` VALUES (new.`progetto_id`); END;
--> statement-breakpoint
CREATE TRIGGER `proroga_stale_update` AFTER UPDATE ON `proroga` BEGIN INSERT OR IGNORE INTO `progetto_stale` VALUES (old.`progetto_id`); INSERT OR IGNORE INTO `progetto_stale` VALUES (new.`progetto_id`); END;
--> statement-breakpoint
CREATE TRIGGER `proroga_stale_delete` AFTER DELETE ON `proroga` BEGIN INSERT OR IGNORE INTO `progetto_stale` VALUES (old.`progetto_id`); END;
--> statement-breakpoint
-- Only when a rule really changes (setup rewrites the same values), and without OR IGNORE:
-- inside an upsert of avviso the outer statement's conflict handling would replace it.
CREATE TRIGGER `avviso_stale_rules` AFTER UPDATE OF `contract_from`, `contract_days_small`, `contract_days_large`, `completion_from`, `completion_days_small`, `completion_days_large`, `final_deadline` ON `avviso` WHEN old.`contract_from` IS NOT new.`contract_from` OR old.`contract_days_small` IS NOT new.`contract_days_small` OR old.`contract_days_large` IS NOT new.`contract_days_large` OR old.`completion_from` IS NOT new.`completion_from` OR old.`completion_days_small` IS NOT new.`completion_days_small` OR old.`completion_days_large` IS NOT new.`completion_days_large` OR old.`final_deadline` IS NOT new.`final_deadline` BEGIN INSERT INTO `progetto_stale` SELECT `id` FROM `progetto` WHERE `avviso_id` = new.`id` AND `id` NOT IN (SELECT `progetto_id` FROM `progetto_stale`); END;
