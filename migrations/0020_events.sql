CREATE TABLE "email_attachments" (
	"id" serial PRIMARY KEY NOT NULL,
	"email_id" integer NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"content" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_materials" (
	"id" serial PRIMARY KEY NOT NULL,
	"event_id" integer NOT NULL,
	"session_id" integer,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"url" text NOT NULL,
	CONSTRAINT "event_materials_kind_check" CHECK (kind IN ('slides', 'notes', 'recording', 'other')),
	CONSTRAINT "event_materials_url_check" CHECK ("event_materials"."url" ~ '^https?://')
);
--> statement-breakpoint
CREATE TABLE "event_principles" (
	"event_id" integer NOT NULL,
	"principle_id" integer NOT NULL,
	CONSTRAINT "event_principles_event_id_principle_id_pk" PRIMARY KEY("event_id","principle_id")
);
--> statement-breakpoint
CREATE TABLE "event_registrations" (
	"id" serial PRIMARY KEY NOT NULL,
	"event_id" integer NOT NULL,
	"user_id" integer,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"organisation_id" integer,
	"organisation_name" text DEFAULT '' NOT NULL,
	"job_role" text DEFAULT '' NOT NULL,
	"access_needs" text,
	"dietary_needs" text,
	"needs_erased_at" timestamp with time zone,
	"status" text NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"offer_expires_at" timestamp with time zone,
	"manage_token_hash" text,
	"manage_token_expires_at" timestamp with time zone,
	"feed_token_hash" text NOT NULL,
	"attended" boolean,
	"reminded_at" timestamp with time zone,
	"language" text DEFAULT 'en' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_registrations_feed_token_hash_unique" UNIQUE("feed_token_hash"),
	CONSTRAINT "event_registrations_status_check" CHECK (status IN ('confirmed', 'waiting', 'offered', 'cancelled', 'lapsed')),
	CONSTRAINT "event_registrations_offer_check" CHECK (("event_registrations"."status" = 'offered') = ("event_registrations"."offer_expires_at" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "event_session_choices" (
	"registration_id" integer NOT NULL,
	"session_id" integer NOT NULL,
	"waiting" boolean DEFAULT false NOT NULL,
	CONSTRAINT "event_session_choices_registration_id_session_id_pk" PRIMARY KEY("registration_id","session_id")
);
--> statement-breakpoint
CREATE TABLE "event_session_principles" (
	"session_id" integer NOT NULL,
	"principle_id" integer NOT NULL,
	CONSTRAINT "event_session_principles_session_id_principle_id_pk" PRIMARY KEY("session_id","principle_id")
);
--> statement-breakpoint
CREATE TABLE "event_sessions" (
	"id" serial PRIMARY KEY NOT NULL,
	"event_id" integer NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"room" text DEFAULT '' NOT NULL,
	"capacity" integer,
	"speakers" text DEFAULT '' NOT NULL,
	"bid_id" integer,
	"case_study_id" integer,
	"sequence" integer DEFAULT 0 NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "event_sessions_times_check" CHECK ("event_sessions"."ends_at" > "event_sessions"."starts_at"),
	CONSTRAINT "event_sessions_capacity_check" CHECK ("event_sessions"."capacity" IS NULL OR "event_sessions"."capacity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"venue_name" text DEFAULT '' NOT NULL,
	"venue_address" text DEFAULT '' NOT NULL,
	"online" boolean DEFAULT false NOT NULL,
	"joining_link" text DEFAULT '' NOT NULL,
	"accessibility" text DEFAULT '' NOT NULL,
	"capacity" integer,
	"per_organisation_cap" integer,
	"members_only" boolean DEFAULT false NOT NULL,
	"offer_hours" integer DEFAULT 48 NOT NULL,
	"erase_needs_after_days" integer DEFAULT 30 NOT NULL,
	"remind_days_before" integer DEFAULT 2 NOT NULL,
	"call_id" integer,
	"outcomes" text DEFAULT '' NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_slug_unique" UNIQUE("slug"),
	CONSTRAINT "events_kind_check" CHECK (kind IN ('conference', 'policy-lab-workshop', 'action-learning-set', 'webinar')),
	CONSTRAINT "events_status_check" CHECK (status IN ('draft', 'published', 'cancelled')),
	CONSTRAINT "events_slug_format" CHECK ("events"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "events_times_check" CHECK ("events"."ends_at" > "events"."starts_at"),
	CONSTRAINT "events_capacity_check" CHECK ("events"."capacity" IS NULL OR "events"."capacity" >= 0),
	CONSTRAINT "events_cap_check" CHECK ("events"."per_organisation_cap" IS NULL OR "events"."per_organisation_cap" >= 1),
	CONSTRAINT "events_offer_check" CHECK ("events"."offer_hours" >= 1),
	CONSTRAINT "events_erase_check" CHECK ("events"."erase_needs_after_days" >= 0)
);
--> statement-breakpoint
ALTER TABLE "email_attachments" ADD CONSTRAINT "email_attachments_email_id_emails_id_fk" FOREIGN KEY ("email_id") REFERENCES "public"."emails"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_materials" ADD CONSTRAINT "event_materials_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_materials" ADD CONSTRAINT "event_materials_session_id_event_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."event_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_principles" ADD CONSTRAINT "event_principles_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_principles" ADD CONSTRAINT "event_principles_principle_id_principles_id_fk" FOREIGN KEY ("principle_id") REFERENCES "public"."principles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_session_choices" ADD CONSTRAINT "event_session_choices_registration_id_event_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."event_registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_session_choices" ADD CONSTRAINT "event_session_choices_session_id_event_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."event_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_session_principles" ADD CONSTRAINT "event_session_principles_session_id_event_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."event_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_session_principles" ADD CONSTRAINT "event_session_principles_principle_id_principles_id_fk" FOREIGN KEY ("principle_id") REFERENCES "public"."principles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_sessions" ADD CONSTRAINT "event_sessions_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_sessions" ADD CONSTRAINT "event_sessions_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_sessions" ADD CONSTRAINT "event_sessions_case_study_id_case_studies_id_fk" FOREIGN KEY ("case_study_id") REFERENCES "public"."case_studies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_attachments_email_idx" ON "email_attachments" USING btree ("email_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_email_unique" ON "event_registrations" USING btree ("event_id",lower("email")) WHERE "event_registrations"."status" NOT IN ('cancelled', 'lapsed');--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_manage_unique" ON "event_registrations" USING btree ("manage_token_hash");--> statement-breakpoint
CREATE INDEX "event_registrations_event_idx" ON "event_registrations" USING btree ("event_id","status");--> statement-breakpoint
CREATE INDEX "event_session_choices_session_idx" ON "event_session_choices" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "event_sessions_event_idx" ON "event_sessions" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "events_starts_idx" ON "events" USING btree ("starts_at");