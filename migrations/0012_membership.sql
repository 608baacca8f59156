CREATE TABLE "council_figures" (
	"authority_code" text PRIMARY KEY NOT NULL,
	"population" integer,
	"population_year" integer,
	"population_source" text,
	"budget_pence" bigint,
	"budget_year" integer,
	"budget_source" text,
	"updated_by_label" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "council_figures_population_check" CHECK ("council_figures"."population" IS NULL OR ("council_figures"."population" > 0 AND "council_figures"."population_year" IS NOT NULL)),
	CONSTRAINT "council_figures_budget_check" CHECK ("council_figures"."budget_pence" IS NULL OR ("council_figures"."budget_pence" > 0 AND "council_figures"."budget_year" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "fee_schedules" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"label" text NOT NULL,
	"example" boolean DEFAULT false NOT NULL,
	"schedule" jsonb NOT NULL,
	"imported_by_user_id" integer,
	"imported_by_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fee_schedules_year_version_unique" UNIQUE("year","version"),
	CONSTRAINT "fee_schedules_year_check" CHECK ("fee_schedules"."year" BETWEEN 2000 AND 2100)
);
--> statement-breakpoint
CREATE TABLE "invoice_lines" (
	"id" serial PRIMARY KEY NOT NULL,
	"invoice_id" integer NOT NULL,
	"position" integer NOT NULL,
	"description" text NOT NULL,
	"amount_pence" integer NOT NULL,
	CONSTRAINT "invoice_lines_position_unique" UNIQUE("invoice_id","position")
);
--> statement-breakpoint
CREATE TABLE "invoice_sequences" (
	"year" integer NOT NULL,
	"series" text NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "invoice_sequences_year_series_unique" UNIQUE("year","series")
);
--> statement-breakpoint
CREATE TABLE "invoices" (
	"id" serial PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"year" integer NOT NULL,
	"membership_id" integer NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'issued' NOT NULL,
	"issued_on" date NOT NULL,
	"due_on" date NOT NULL,
	"po_number" text,
	"currency" text DEFAULT 'GBP' NOT NULL,
	"total_pence" integer NOT NULL,
	"billed_to" jsonb NOT NULL,
	"issuer" jsonb NOT NULL,
	"fee_schedule_id" integer,
	"paid_on" date,
	"paid_pence" integer,
	"payment_method" text,
	"payment_reference" text,
	"cancelled_on" date,
	"cancellation_reason" text,
	"credit_note_number" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invoices_number_unique" UNIQUE("number"),
	CONSTRAINT "invoices_credit_note_number_unique" UNIQUE("credit_note_number"),
	CONSTRAINT "invoices_status_check" CHECK (status IN ('issued', 'paid', 'cancelled')),
	CONSTRAINT "invoices_kind_check" CHECK (kind IN ('joining', 'renewal', 'conversion')),
	CONSTRAINT "invoices_total_check" CHECK ("invoices"."total_pence" >= 0),
	CONSTRAINT "invoices_paid_check" CHECK ("invoices"."status" <> 'paid' OR ("invoices"."paid_on" IS NOT NULL AND "invoices"."paid_pence" > 0 AND "invoices"."payment_method" IS NOT NULL)),
	CONSTRAINT "invoices_cancelled_check" CHECK ("invoices"."status" <> 'cancelled' OR ("invoices"."cancelled_on" IS NOT NULL AND "invoices"."credit_note_number" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "membership_applications" (
	"id" serial PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"tier" text NOT NULL,
	"authority_code" text,
	"organisation_name" text NOT NULL,
	"organisation_kind" text NOT NULL,
	"sits_on_authority_code" text,
	"organisation_key" text NOT NULL,
	"details" jsonb NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"language" text DEFAULT 'en' NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"decision_reason" text,
	"decided_by_user_id" integer,
	"decided_at" timestamp with time zone,
	"membership_id" integer,
	"quoted_pence" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membership_applications_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "membership_applications_status_check" CHECK (status IN ('received', 'approved', 'refused', 'withdrawn')),
	CONSTRAINT "membership_applications_tier_check" CHECK (tier IN ('full', 'associate', 'affiliate', 'supporter'))
);
--> statement-breakpoint
CREATE TABLE "membership_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"membership_id" integer NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text NOT NULL,
	"actor_user_id" integer,
	"actor_label" text NOT NULL,
	"on_date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "membership_reminders" (
	"id" serial PRIMARY KEY NOT NULL,
	"dedupe_key" text NOT NULL,
	"kind" text NOT NULL,
	"membership_id" integer NOT NULL,
	"invoice_id" integer,
	"on_date" date NOT NULL,
	"email_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "membership_reminders_dedupe_key_unique" UNIQUE("dedupe_key"),
	CONSTRAINT "membership_reminders_kind_check" CHECK (kind IN ('renewal-notice', 'po-number-missing', 'unpaid-30', 'unpaid-60', 'overdue', 'lapse'))
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" serial PRIMARY KEY NOT NULL,
	"organisation_id" integer NOT NULL,
	"tier" text NOT NULL,
	"status" text NOT NULL,
	"applied_on" date NOT NULL,
	"decided_on" date,
	"member_since" date,
	"ended_on" date,
	"converted_from_id" integer,
	"sits_on_authority_code" text,
	"contact_person_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_status_check" CHECK (status IN ('applied', 'approved', 'current', 'renewal-due', 'overdue', 'lapsed', 'resigned', 'refused', 'converted')),
	CONSTRAINT "memberships_tier_check" CHECK (tier IN ('full', 'associate', 'affiliate', 'supporter'))
);
--> statement-breakpoint
CREATE TABLE "purchase_order_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"membership_id" integer NOT NULL,
	"year" integer NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"po_number" text,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "purchase_order_requests_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "purchase_order_requests_membership_year_unique" UNIQUE("membership_id","year")
);
--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "last_attempt_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "council_figures" ADD CONSTRAINT "council_figures_authority_code_local_authorities_code_fk" FOREIGN KEY ("authority_code") REFERENCES "public"."local_authorities"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_schedules" ADD CONSTRAINT "fee_schedules_imported_by_user_id_users_id_fk" FOREIGN KEY ("imported_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoice_lines" ADD CONSTRAINT "invoice_lines_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invoices" ADD CONSTRAINT "invoices_fee_schedule_id_fee_schedules_id_fk" FOREIGN KEY ("fee_schedule_id") REFERENCES "public"."fee_schedules"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_applications" ADD CONSTRAINT "membership_applications_authority_code_local_authorities_code_fk" FOREIGN KEY ("authority_code") REFERENCES "public"."local_authorities"("code") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_applications" ADD CONSTRAINT "membership_applications_sits_on_authority_code_local_authorities_code_fk" FOREIGN KEY ("sits_on_authority_code") REFERENCES "public"."local_authorities"("code") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_applications" ADD CONSTRAINT "membership_applications_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_events" ADD CONSTRAINT "membership_events_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_events" ADD CONSTRAINT "membership_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_reminders" ADD CONSTRAINT "membership_reminders_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_reminders" ADD CONSTRAINT "membership_reminders_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "membership_reminders" ADD CONSTRAINT "membership_reminders_email_id_emails_id_fk" FOREIGN KEY ("email_id") REFERENCES "public"."emails"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_sits_on_authority_code_local_authorities_code_fk" FOREIGN KEY ("sits_on_authority_code") REFERENCES "public"."local_authorities"("code") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_contact_person_id_people_id_fk" FOREIGN KEY ("contact_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_order_requests" ADD CONSTRAINT "purchase_order_requests_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invoices_membership_idx" ON "invoices" USING btree ("membership_id");--> statement-breakpoint
CREATE UNIQUE INDEX "invoices_renewal_unique" ON "invoices" USING btree ("membership_id","year") WHERE kind = 'renewal' AND status <> 'cancelled';--> statement-breakpoint
CREATE UNIQUE INDEX "membership_applications_open_unique" ON "membership_applications" USING btree ("organisation_key") WHERE status = 'received';--> statement-breakpoint
CREATE INDEX "membership_events_membership_idx" ON "membership_events" USING btree ("membership_id");--> statement-breakpoint
CREATE INDEX "memberships_organisation_idx" ON "memberships" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_open_unique" ON "memberships" USING btree ("organisation_id") WHERE status NOT IN ('lapsed', 'resigned', 'refused', 'converted');--> statement-breakpoint
-- Organisations already recorded with a tier were members before these records began: each gets a
-- current membership from the day it was recorded, so the directory and the renewal run agree.
INSERT INTO "memberships" ("organisation_id", "tier", "status", "applied_on", "decided_on", "member_since")
SELECT "id", "tier", 'current', "created_at"::date, "created_at"::date, "created_at"::date FROM "organisations" WHERE "tier" <> 'none';
--> statement-breakpoint
INSERT INTO "membership_events" ("membership_id", "from_status", "to_status", "reason", "actor_label", "on_date")
SELECT "id", NULL, 'current', 'Recorded as a member before membership records began', 'migration', "member_since" FROM "memberships";
