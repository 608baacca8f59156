CREATE TABLE "bid_budget_lines" (
	"id" serial PRIMARY KEY NOT NULL,
	"bid_id" integer NOT NULL,
	"position" integer NOT NULL,
	"description" text NOT NULL,
	"amount_pence" bigint NOT NULL,
	CONSTRAINT "bid_budget_lines_position_unique" UNIQUE("bid_id","position"),
	CONSTRAINT "bid_budget_lines_amount_check" CHECK ("bid_budget_lines"."amount_pence" >= 0)
);
--> statement-breakpoint
CREATE TABLE "bid_milestones" (
	"id" serial PRIMARY KEY NOT NULL,
	"bid_id" integer NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"due_on" date,
	CONSTRAINT "bid_milestones_position_unique" UNIQUE("bid_id","position")
);
--> statement-breakpoint
CREATE TABLE "bid_participants" (
	"id" serial PRIMARY KEY NOT NULL,
	"bid_id" integer NOT NULL,
	"organisation_id" integer,
	"name" text,
	"role" text NOT NULL,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accepted_at" timestamp with time zone,
	"invited_by_user_id" integer,
	CONSTRAINT "bid_participants_organisation_unique" UNIQUE("bid_id","organisation_id"),
	CONSTRAINT "bid_participants_role_check" CHECK (role IN ('member', 'partner')),
	CONSTRAINT "bid_participants_who_check" CHECK ("bid_participants"."organisation_id" IS NOT NULL OR ("bid_participants"."role" = 'partner' AND "bid_participants"."name" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "bid_principles" (
	"bid_id" integer NOT NULL,
	"principle_id" integer NOT NULL,
	"difference" text NOT NULL,
	CONSTRAINT "bid_principles_bid_id_principle_id_pk" PRIMARY KEY("bid_id","principle_id")
);
--> statement-breakpoint
CREATE TABLE "bid_versions" (
	"id" serial PRIMARY KEY NOT NULL,
	"bid_id" integer NOT NULL,
	"number" integer NOT NULL,
	"author_user_id" integer,
	"author_label" text NOT NULL,
	"action" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bid_versions_number_unique" UNIQUE("bid_id","number"),
	CONSTRAINT "bid_versions_action_check" CHECK (action IN ('created', 'saved', 'submitted', 'withdrawn')),
	CONSTRAINT "bid_versions_number_check" CHECK ("bid_versions"."number" >= 1)
);
--> statement-breakpoint
CREATE TABLE "bids" (
	"id" serial PRIMARY KEY NOT NULL,
	"call_id" integer NOT NULL,
	"lead_organisation_id" integer,
	"created_by_user_id" integer,
	"status" text DEFAULT 'draft' NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"problem" text DEFAULT '' NOT NULL,
	"theme" text,
	"sharing" text DEFAULT '' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bids_status_check" CHECK (status IN ('draft', 'submitted', 'withdrawn')),
	CONSTRAINT "bids_revision_check" CHECK ("bids"."revision" >= 1),
	CONSTRAINT "bids_submitted_check" CHECK ("bids"."status" <> 'submitted' OR "bids"."submitted_at" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "call_principles" (
	"call_id" integer NOT NULL,
	"principle_id" integer NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "call_principles_call_id_principle_id_pk" PRIMARY KEY("call_id","principle_id")
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" serial PRIMARY KEY NOT NULL,
	"space_id" integer NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"pot_pence" bigint NOT NULL,
	"cap_pence" bigint NOT NULL,
	"settings" jsonb NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"assessment_on" date,
	"presentations_on" date,
	"decision_on" date,
	"decision_method" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calls_slug_unique" UNIQUE("slug"),
	CONSTRAINT "calls_kind_check" CHECK (kind IN ('policy-lab', 'policy-prototype', 'action-learning-eoi', 'work-programme-idea', 'event-session')),
	CONSTRAINT "calls_status_check" CHECK (status IN ('draft', 'open', 'closed', 'decided')),
	CONSTRAINT "calls_decision_method_check" CHECK (decision_method IN ('assessment', 'member-vote', 'assessment-then-vote')),
	CONSTRAINT "calls_slug_format" CHECK ("calls"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "calls_money_check" CHECK ("calls"."cap_pence" > 0 AND "calls"."cap_pence" <= "calls"."pot_pence"),
	CONSTRAINT "calls_dates_check" CHECK ("calls"."closes_on" >= "calls"."opens_on"),
	CONSTRAINT "calls_revision_check" CHECK ("calls"."revision" >= 1)
);
--> statement-breakpoint
CREATE TABLE "spaces" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"owner_organisation_id" integer,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "spaces_slug_unique" UNIQUE("slug"),
	CONSTRAINT "spaces_kind_check" CHECK (kind IN ('network-programme', 'member-process')),
	CONSTRAINT "spaces_slug_format" CHECK ("spaces"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "spaces_owner_check" CHECK (("spaces"."kind" = 'network-programme') = ("spaces"."owner_organisation_id" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "bid_budget_lines" ADD CONSTRAINT "bid_budget_lines_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_milestones" ADD CONSTRAINT "bid_milestones_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_participants" ADD CONSTRAINT "bid_participants_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_participants" ADD CONSTRAINT "bid_participants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_participants" ADD CONSTRAINT "bid_participants_invited_by_user_id_users_id_fk" FOREIGN KEY ("invited_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_principles" ADD CONSTRAINT "bid_principles_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_principles" ADD CONSTRAINT "bid_principles_principle_id_principles_id_fk" FOREIGN KEY ("principle_id") REFERENCES "public"."principles"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_versions" ADD CONSTRAINT "bid_versions_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_versions" ADD CONSTRAINT "bid_versions_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bids" ADD CONSTRAINT "bids_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bids" ADD CONSTRAINT "bids_lead_organisation_id_organisations_id_fk" FOREIGN KEY ("lead_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bids" ADD CONSTRAINT "bids_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_principles" ADD CONSTRAINT "call_principles_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_principles" ADD CONSTRAINT "call_principles_principle_id_principles_id_fk" FOREIGN KEY ("principle_id") REFERENCES "public"."principles"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "spaces" ADD CONSTRAINT "spaces_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bids_call_idx" ON "bids" USING btree ("call_id");--> statement-breakpoint
CREATE INDEX "bids_lead_idx" ON "bids" USING btree ("lead_organisation_id");--> statement-breakpoint
CREATE INDEX "calls_space_idx" ON "calls" USING btree ("space_id");