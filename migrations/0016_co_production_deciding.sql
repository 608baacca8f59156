CREATE TABLE "bid_backings" (
	"id" serial PRIMARY KEY NOT NULL,
	"bid_id" integer NOT NULL,
	"organisation_id" integer,
	"user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bid_backings_organisation_unique" UNIQUE("bid_id","organisation_id"),
	CONSTRAINT "bid_backings_who_check" CHECK ("bid_backings"."organisation_id" IS NOT NULL OR "bid_backings"."user_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "bid_comments" (
	"id" serial PRIMARY KEY NOT NULL,
	"bid_id" integer NOT NULL,
	"parent_id" integer,
	"author_user_id" integer,
	"author_organisation_id" integer,
	"author_label" text NOT NULL,
	"body" text NOT NULL,
	"hidden_at" timestamp with time zone,
	"hidden_by_user_id" integer,
	"hidden_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bid_comments_hidden_check" CHECK (("bid_comments"."hidden_at" IS NULL) = ("bid_comments"."hidden_reason" IS NULL)),
	CONSTRAINT "bid_comments_body_check" CHECK (length("bid_comments"."body") > 0)
);
--> statement-breakpoint
CREATE TABLE "assessment_scores" (
	"assessment_id" integer NOT NULL,
	"criterion_id" integer NOT NULL,
	"score" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	CONSTRAINT "assessment_scores_assessment_id_criterion_id_pk" PRIMARY KEY("assessment_id","criterion_id"),
	CONSTRAINT "assessment_scores_score_check" CHECK ("assessment_scores"."score" >= 0)
);
--> statement-breakpoint
CREATE TABLE "assessments" (
	"id" serial PRIMARY KEY NOT NULL,
	"bid_id" integer NOT NULL,
	"assessor_user_id" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessments_bid_assessor_unique" UNIQUE("bid_id","assessor_user_id"),
	CONSTRAINT "assessments_revision_check" CHECK ("assessments"."revision" >= 1)
);
--> statement-breakpoint
CREATE TABLE "assessor_conflicts" (
	"bid_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"reason" text NOT NULL,
	"declared_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessor_conflicts_bid_id_user_id_pk" PRIMARY KEY("bid_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "bid_decisions" (
	"bid_id" integer PRIMARY KEY NOT NULL,
	"outcome" text NOT NULL,
	"awarded_pence" bigint,
	"conditions" text DEFAULT '' NOT NULL,
	"feedback" text DEFAULT '' NOT NULL,
	"decided_by_user_id" integer,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bid_decisions_outcome_check" CHECK (outcome IN ('fund', 'fund-with-conditions', 'decline', 'shortlisted')),
	CONSTRAINT "bid_decisions_award_check" CHECK (("bid_decisions"."outcome" IN ('fund', 'fund-with-conditions')) = ("bid_decisions"."awarded_pence" IS NOT NULL)),
	CONSTRAINT "bid_decisions_award_positive" CHECK ("bid_decisions"."awarded_pence" IS NULL OR "bid_decisions"."awarded_pence" > 0),
	CONSTRAINT "bid_decisions_conditions_check" CHECK ("bid_decisions"."outcome" = 'fund-with-conditions' OR "bid_decisions"."conditions" = '')
);
--> statement-breakpoint
CREATE TABLE "call_assessors" (
	"call_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"added_by_user_id" integer,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "call_assessors_call_id_user_id_pk" PRIMARY KEY("call_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "call_criteria" (
	"id" serial PRIMARY KEY NOT NULL,
	"call_id" integer NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"guidance" text DEFAULT '' NOT NULL,
	"max_score" integer NOT NULL,
	CONSTRAINT "call_criteria_position_unique" UNIQUE("call_id","position"),
	CONSTRAINT "call_criteria_max_check" CHECK ("call_criteria"."max_score" BETWEEN 1 AND 100)
);
--> statement-breakpoint
CREATE TABLE "ballot_choices" (
	"receipt_code" text NOT NULL,
	"bid_id" integer NOT NULL,
	"points" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "ballot_choices_receipt_code_bid_id_pk" PRIMARY KEY("receipt_code","bid_id"),
	CONSTRAINT "ballot_choices_points_check" CHECK ("ballot_choices"."points" > 0)
);
--> statement-breakpoint
CREATE TABLE "ballots" (
	"receipt_code" text PRIMARY KEY NOT NULL,
	"vote_id" integer NOT NULL,
	CONSTRAINT "ballots_receipt_format" CHECK ("ballots"."receipt_code" ~ '^[A-Z0-9-]{8,40}$')
);
--> statement-breakpoint
CREATE TABLE "vote_voters" (
	"id" serial PRIMARY KEY NOT NULL,
	"vote_id" integer NOT NULL,
	"organisation_id" integer,
	"cast_by_user_id" integer,
	"voted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vote_voters_organisation_unique" UNIQUE("vote_id","organisation_id"),
	CONSTRAINT "vote_voters_who_check" CHECK ("vote_voters"."organisation_id" IS NOT NULL OR "vote_voters"."cast_by_user_id" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "votes" (
	"id" serial PRIMARY KEY NOT NULL,
	"call_id" integer NOT NULL,
	"ballot_type" text NOT NULL,
	"min_choices" integer DEFAULT 1 NOT NULL,
	"max_choices" integer,
	"points_per_ballot" integer,
	"counting_rule" text NOT NULL,
	"completion" text DEFAULT 'none' NOT NULL,
	"compare_with_greedy" boolean DEFAULT false NOT NULL,
	"budget_pence" bigint NOT NULL,
	"electorate" jsonb NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"result" jsonb,
	"counted_at" timestamp with time zone,
	"counted_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "votes_call_id_unique" UNIQUE("call_id"),
	CONSTRAINT "votes_ballot_type_check" CHECK (ballot_type IN ('approval', 'knapsack', 'cumulative')),
	CONSTRAINT "votes_counting_rule_check" CHECK (counting_rule IN ('greedy', 'equal-shares')),
	CONSTRAINT "votes_completion_check" CHECK (completion IN ('none', 'add1')),
	CONSTRAINT "votes_status_check" CHECK (status IN ('draft', 'open', 'closed', 'counted')),
	CONSTRAINT "votes_choices_check" CHECK ("votes"."min_choices" >= 0 AND ("votes"."max_choices" IS NULL OR "votes"."max_choices" >= "votes"."min_choices")),
	CONSTRAINT "votes_points_check" CHECK (("votes"."ballot_type" = 'cumulative') = ("votes"."points_per_ballot" IS NOT NULL) AND ("votes"."points_per_ballot" IS NULL OR "votes"."points_per_ballot" > 0)),
	CONSTRAINT "votes_times_check" CHECK ("votes"."closes_at" > "votes"."opens_at"),
	CONSTRAINT "votes_budget_check" CHECK ("votes"."budget_pence" > 0),
	CONSTRAINT "votes_counted_check" CHECK (("votes"."status" = 'counted') = ("votes"."result" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "project_milestones" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"due_on" date,
	"status" text DEFAULT 'not-started' NOT NULL,
	CONSTRAINT "project_milestones_position_unique" UNIQUE("project_id","position"),
	CONSTRAINT "project_milestones_status_check" CHECK (status IN ('not-started', 'on-track', 'at-risk', 'done', 'dropped'))
);
--> statement-breakpoint
CREATE TABLE "project_reminders" (
	"report_id" integer NOT NULL,
	"kind" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_reminders_report_id_kind_pk" PRIMARY KEY("report_id","kind"),
	CONSTRAINT "project_reminders_kind_check" CHECK (kind IN ('report-due-soon', 'report-overdue'))
);
--> statement-breakpoint
CREATE TABLE "project_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"kind" text NOT NULL,
	"due_on" date NOT NULL,
	"what_happened" text DEFAULT '' NOT NULL,
	"outcomes" text DEFAULT '' NOT NULL,
	"spend_to_date_pence" bigint,
	"milestone_statuses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by_user_id" integer,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_reports_kind_check" CHECK (kind IN ('progress', 'final')),
	CONSTRAINT "project_reports_spend_check" CHECK ("project_reports"."spend_to_date_pence" IS NULL OR "project_reports"."spend_to_date_pence" >= 0),
	CONSTRAINT "project_reports_submitted_check" CHECK ("project_reports"."submitted_at" IS NULL OR "project_reports"."spend_to_date_pence" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" serial PRIMARY KEY NOT NULL,
	"bid_id" integer NOT NULL,
	"call_id" integer NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"lead_organisation_id" integer,
	"budget_pence" bigint NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text DEFAULT 'underway' NOT NULL,
	"closed_at" timestamp with time zone,
	"case_study_id" integer,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_bid_id_unique" UNIQUE("bid_id"),
	CONSTRAINT "projects_slug_unique" UNIQUE("slug"),
	CONSTRAINT "projects_case_study_id_unique" UNIQUE("case_study_id"),
	CONSTRAINT "projects_status_check" CHECK (status IN ('underway', 'closed')),
	CONSTRAINT "projects_slug_format" CHECK ("projects"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "projects_dates_check" CHECK ("projects"."ends_on" >= "projects"."starts_on"),
	CONSTRAINT "projects_budget_check" CHECK ("projects"."budget_pence" > 0),
	CONSTRAINT "projects_closed_check" CHECK (("projects"."status" = 'closed') = ("projects"."closed_at" IS NOT NULL)),
	CONSTRAINT "projects_revision_check" CHECK ("projects"."revision" >= 1)
);
--> statement-breakpoint
ALTER TABLE "bid_backings" ADD CONSTRAINT "bid_backings_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_backings" ADD CONSTRAINT "bid_backings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_backings" ADD CONSTRAINT "bid_backings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_comments" ADD CONSTRAINT "bid_comments_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_comments" ADD CONSTRAINT "bid_comments_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_comments" ADD CONSTRAINT "bid_comments_author_organisation_id_organisations_id_fk" FOREIGN KEY ("author_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_comments" ADD CONSTRAINT "bid_comments_hidden_by_user_id_users_id_fk" FOREIGN KEY ("hidden_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_scores" ADD CONSTRAINT "assessment_scores_assessment_id_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."assessments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_scores" ADD CONSTRAINT "assessment_scores_criterion_id_call_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."call_criteria"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessments" ADD CONSTRAINT "assessments_assessor_user_id_users_id_fk" FOREIGN KEY ("assessor_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessor_conflicts" ADD CONSTRAINT "assessor_conflicts_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessor_conflicts" ADD CONSTRAINT "assessor_conflicts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_decisions" ADD CONSTRAINT "bid_decisions_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_decisions" ADD CONSTRAINT "bid_decisions_decided_by_user_id_users_id_fk" FOREIGN KEY ("decided_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_assessors" ADD CONSTRAINT "call_assessors_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_assessors" ADD CONSTRAINT "call_assessors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_assessors" ADD CONSTRAINT "call_assessors_added_by_user_id_users_id_fk" FOREIGN KEY ("added_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "call_criteria" ADD CONSTRAINT "call_criteria_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_choices" ADD CONSTRAINT "ballot_choices_receipt_code_ballots_receipt_code_fk" FOREIGN KEY ("receipt_code") REFERENCES "public"."ballots"("receipt_code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballot_choices" ADD CONSTRAINT "ballot_choices_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ballots" ADD CONSTRAINT "ballots_vote_id_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."votes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_voters" ADD CONSTRAINT "vote_voters_vote_id_votes_id_fk" FOREIGN KEY ("vote_id") REFERENCES "public"."votes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_voters" ADD CONSTRAINT "vote_voters_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vote_voters" ADD CONSTRAINT "vote_voters_cast_by_user_id_users_id_fk" FOREIGN KEY ("cast_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_counted_by_user_id_users_id_fk" FOREIGN KEY ("counted_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_milestones" ADD CONSTRAINT "project_milestones_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_reminders" ADD CONSTRAINT "project_reminders_report_id_project_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."project_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_reports" ADD CONSTRAINT "project_reports_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_reports" ADD CONSTRAINT "project_reports_submitted_by_user_id_users_id_fk" FOREIGN KEY ("submitted_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_bid_id_bids_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bids"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_call_id_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."calls"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_lead_organisation_id_organisations_id_fk" FOREIGN KEY ("lead_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_case_study_id_case_studies_id_fk" FOREIGN KEY ("case_study_id") REFERENCES "public"."case_studies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "bid_backings_bid_idx" ON "bid_backings" USING btree ("bid_id");--> statement-breakpoint
CREATE INDEX "bid_comments_bid_idx" ON "bid_comments" USING btree ("bid_id");--> statement-breakpoint
CREATE INDEX "call_assessors_user_idx" ON "call_assessors" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "ballots_vote_idx" ON "ballots" USING btree ("vote_id");--> statement-breakpoint
CREATE INDEX "vote_voters_vote_idx" ON "vote_voters" USING btree ("vote_id");--> statement-breakpoint
CREATE INDEX "project_reports_project_idx" ON "project_reports" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "project_reports_due_idx" ON "project_reports" USING btree ("due_on");--> statement-breakpoint
CREATE INDEX "projects_lead_idx" ON "projects" USING btree ("lead_organisation_id");--> statement-breakpoint
CREATE INDEX "projects_call_idx" ON "projects" USING btree ("call_id");--> statement-breakpoint
-- A reply goes with the comment it answers (drizzle-kit does not declare a table's reference to itself).
ALTER TABLE "bid_comments" ADD CONSTRAINT "bid_comments_parent_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."bid_comments"("id") ON DELETE cascade;
--> statement-breakpoint
CREATE INDEX "bid_comments_parent_idx" ON "bid_comments" USING btree ("parent_id");
