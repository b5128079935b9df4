DROP INDEX `progetto_cup_unique`;--> statement-breakpoint
DROP INDEX `progetto_beneficiary_avviso_idx`;--> statement-breakpoint
ALTER TABLE `progetto` ADD `official_amount_cents` integer;--> statement-breakpoint
ALTER TABLE `progetto` ADD `official_decreto_number` text;--> statement-breakpoint
ALTER TABLE `progetto` ADD `official_decree_on` text;--> statement-breakpoint
ALTER TABLE `progetto` ADD `imported_at` text;--> statement-breakpoint
CREATE UNIQUE INDEX `progetto_cup_avviso_idx` ON `progetto` (`cup`,`avviso_id`);--> statement-breakpoint
CREATE INDEX `progetto_beneficiary_avviso_idx` ON `progetto` (`beneficiary_ipa`,`avviso_id`);