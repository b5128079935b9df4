-- The counter starts where the audit log already is, so an existing database keeps its last
-- change time and its version keeps growing.
INSERT INTO `data_version` (`id`, `version`, `changed_at`)
SELECT 1, max(`id`), max(`at`) FROM `audit_log` HAVING count(*) > 0;
