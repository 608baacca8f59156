CREATE TABLE "event_feedback" (
	"id" serial PRIMARY KEY NOT NULL,
	"registration_id" integer NOT NULL,
	"event_id" integer NOT NULL,
	"token_hash" text,
	"token_expires_at" timestamp with time zone NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	"rating" integer,
	"useful" text DEFAULT '' NOT NULL,
	"improve" text DEFAULT '' NOT NULL,
	"comments" text DEFAULT '' NOT NULL,
	CONSTRAINT "event_feedback_registration_id_unique" UNIQUE("registration_id"),
	CONSTRAINT "event_feedback_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "event_feedback_rating_check" CHECK ("event_feedback"."rating" IS NULL OR "event_feedback"."rating" BETWEEN 1 AND 5),
	CONSTRAINT "event_feedback_answered_check" CHECK (("event_feedback"."answered_at" IS NULL) = ("event_feedback"."rating" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "event_materials" DROP CONSTRAINT "event_materials_url_check";--> statement-breakpoint
ALTER TABLE "event_materials" ADD COLUMN "file_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "event_materials" ADD COLUMN "content_type" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "event_materials" ADD COLUMN "content" "bytea";--> statement-breakpoint
ALTER TABLE "event_materials" ADD COLUMN "file_bytes" integer;--> statement-breakpoint
ALTER TABLE "event_feedback" ADD CONSTRAINT "event_feedback_registration_id_event_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."event_registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_feedback" ADD CONSTRAINT "event_feedback_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_feedback_event_idx" ON "event_feedback" USING btree ("event_id");--> statement-breakpoint
ALTER TABLE "event_materials" ADD CONSTRAINT "event_materials_url_check" CHECK (("event_materials"."content" IS NULL AND "event_materials"."url" ~ '^https?://') OR ("event_materials"."content" IS NOT NULL AND "event_materials"."url" = ''));