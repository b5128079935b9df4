ALTER TABLE `comune` ADD `accessibility_url` text;--> statement-breakpoint
ALTER TABLE `comune` ADD `privacy_url` text;