ALTER TABLE "event_materials" DROP CONSTRAINT "event_materials_url_check";--> statement-breakpoint
ALTER TABLE "event_materials" ADD COLUMN "file_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "event_materials" ADD COLUMN "content_type" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "event_materials" ADD COLUMN "content" "bytea";--> statement-breakpoint
ALTER TABLE "event_materials" ADD COLUMN "file_bytes" integer;--> statement-breakpoint
ALTER TABLE "event_materials" ADD CONSTRAINT "event_materials_url_check" CHECK (("event_materials"."content" IS NULL AND "event_materials"."url" ~ '^https?://') OR ("event_materials"."content" IS NOT NULL AND "event_materials"."url" = ''));