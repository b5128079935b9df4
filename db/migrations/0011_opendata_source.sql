CREATE TABLE `opendata_source` (
	`id` integer PRIMARY KEY NOT NULL,
	`url` text NOT NULL,
	`etag` text,
	`last_modified` text,
	`sha256` text,
	`last_checked_at` text,
	`last_seen_at` text,
	`last_changed_at` text,
	`file_date` text,
	`last_outcome` text,
	`last_ok` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `opendata_source_url_unique` ON `opendata_source` (`url`);