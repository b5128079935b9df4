-- Any change to a progetto's facts marks it stale; readers refresh its stored assessment
-- (progetto_assessment) before they read. Decision 007.
INSERT OR IGNORE INTO `progetto_stale` SELECT `id` FROM `progetto`;
--> statement-breakpoint
CREATE TRIGGER `progetto_stale_insert` AFTER INSERT ON `progetto` BEGIN INSERT OR IGNORE INTO `progetto_stale` VALUES (new.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `progetto_stale_update` AFTER UPDATE OF `band`, `comune_id`, `official_state`, `official_state_on`, `official_amount_cents`, `amount_requested_cents` ON `progetto` BEGIN INSERT OR IGNORE INTO `progetto_stale` VALUES (new.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `decreto_stale_insert` AFTER INSERT ON `decreto` BEGIN INSERT OR IGNORE INTO `progetto_stale` VALUES (new.`progetto_id`); END;
--> statement-breakpoint
CREATE TRIGGER `decreto_stale_update` AFTER UPDATE ON `decreto` BEGIN INSERT OR IGNORE INTO `progetto_stale` VALUES (old.`progetto_id`); INSERT OR IGNORE INTO `progetto_stale` VALUES (new.`progetto_id`); END;
--> statement-breakpoint
CREATE TRIGGER `decreto_stale_delete` AFTER DELETE ON `decreto` BEGIN INSERT OR IGNORE INTO `progetto_stale` VALUES (old.`progetto_id`); END;
--> statement-breakpoint
CREATE TRIGGER `determina_stale_insert` AFTER INSERT ON `determina` BEGIN INSERT OR IGNORE INTO `progetto_stale` VALUES (new.`progetto_id`); END;
--> statement-breakpoint
CREATE TRIGGER `determina_stale_update` AFTER UPDATE ON `determina` BEGIN INSERT OR IGNORE INTO `progetto_stale` VALUES (old.`progetto_id`); INSERT OR IGNORE INTO `progetto_stale` VALUES (new.`progetto_id`); END;
--> statement-breakpoint
CREATE TRIGGER `determina_stale_delete` AFTER DELETE ON `determina` BEGIN INSERT OR IGNORE INTO `progetto_stale` VALUES (old.`progetto_id`); END;
--> statement-breakpoint
CREATE TRIGGER `evento_stale_insert` AFTER INSERT ON `evento` BEGIN INSERT OR IGNORE INTO `progetto_stale` VALUES (new.`progetto_id`); END;
--> statement-breakpoint
CREATE TRIGGER `evento_stale_update` AFTER UPDATE ON `evento` BEGIN INSERT OR IGNORE INTO `progetto_stale` VALUES (old.`progetto_id`); INSERT OR IGNORE INTO `progetto_stale` VALUES (new.`progetto_id`); END;
--> statement-breakpoint
CREATE TRIGGER `evento_stale_delete` AFTER DELETE ON `evento` BEGIN INSERT OR IGNORE INTO `progetto_stale` VALUES (old.`progetto_id`); END;
--> statement-breakpoint
CREATE TRIGGER `istanza_modifica_stale_insert` AFTER INSERT ON `istanza_modifica` BEGIN INSERT OR IGNORE INTO `progetto_stale` VALUES (new.`progetto_id`); END;
--> statement-breakpoint
CREATE TRIGGER `istanza_modifica_stale_update` AFTER UPDATE ON `istanza_modifica` BEGIN INSERT OR IGNORE INTO `progetto_stale` VALUES (old.`progetto_id`); INSERT OR IGNORE INTO `progetto_stale` VALUES (new.`progetto_id`); END;
--> statement-breakpoint
CREATE TRIGGER `istanza_modifica_stale_delete` AFTER DELETE ON `istanza_modifica` BEGIN INSERT OR IGNORE INTO `progetto_stale` VALUES (old.`progetto_id`); END;
--> statement-breakpoint
CREATE TRIGGER `progetto_servizio_stale_insert` AFTER INSERT ON `progetto_servizio` BEGIN INSERT OR IGNORE INTO `progetto_stale` VALUES (new.`progetto_id`); END;
--> statement-breakpoint
CREATE TRIGGER `progetto_servizio_stale_update` AFTER UPDATE ON `progetto_servizio` BEGIN INSERT OR IGNORE INTO `progetto_stale` VALUES (old.`progetto_id`); INSERT OR IGNORE INTO `progetto_stale` VALUES (new.`progetto_id`); END;
--> statement-breakpoint
CREATE TRIGGER `progetto_servizio_stale_delete` AFTER DELETE ON `progetto_servizio` BEGIN INSERT OR IGNORE INTO `progetto_stale` VALUES (old.`progetto_id`); END;
--> statement-breakpoint
CREATE TRIGGER `istanza_servizio_stale_insert` AFTER INSERT ON `istanza_servizio` BEGIN INSERT OR IGNORE INTO `progetto_stale` SELECT `progetto_id` FROM `istanza_modifica` WHERE `id` = new.`istanza_id`; END;
--> statement-breakpoint
CREATE TRIGGER `istanza_servizio_stale_update` AFTER UPDATE ON `istanza_servizio` BEGIN INSERT OR IGNORE INTO `progetto_stale` SELECT `progetto_id` FROM `istanza_modifica` WHERE `id` = old.`istanza_id`; INSERT OR IGNORE INTO `progetto_stale` SELECT `progetto_id` FROM `istanza_modifica` WHERE `id` = new.`istanza_id`; END;
--> statement-breakpoint
CREATE TRIGGER `istanza_servizio_stale_delete` AFTER DELETE ON `istanza_servizio` BEGIN INSERT OR IGNORE INTO `progetto_stale` SELECT `progetto_id` FROM `istanza_modifica` WHERE `id` = old.`istanza_id`; END;
--> statement-breakpoint
CREATE TRIGGER `comune_stale_population` AFTER UPDATE OF `population` ON `comune` BEGIN INSERT OR IGNORE INTO `progetto_stale` SELECT `id` FROM `progetto` WHERE `comune_id` = new.`id`; END;
