ALTER TABLE "publications" ADD COLUMN "cover_image" "bytea";--> statement-breakpoint
ALTER TABLE "publications" ADD COLUMN "cover_image_type" text;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_cover_image_type_check" CHECK (cover_image_type IN ('image/png', 'image/jpeg'));--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_cover_image_check" CHECK (("publications"."cover_image" IS NULL) = ("publications"."cover_image_type" IS NULL));