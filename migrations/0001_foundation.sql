CREATE TABLE "principles" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"short_name" text NOT NULL,
	"statement" text NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "principles_slug_unique" UNIQUE("slug"),
	CONSTRAINT "principles_short_name_unique" UNIQUE("short_name"),
	CONSTRAINT "principles_slug_format" CHECK ("principles"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"tier" text DEFAULT 'none' NOT NULL,
	"gss_code" text,
	"council_type" text,
	"nation" text,
	"region" text,
	"website" text,
	"verified" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_slug_unique" UNIQUE("slug"),
	CONSTRAINT "organisations_kind_check" CHECK (kind IN ('council', 'combined-authority', 'town-or-parish-council', 'councillor-group', 'organisation', 'individual')),
	CONSTRAINT "organisations_tier_check" CHECK (tier IN ('full', 'associate', 'affiliate', 'supporter', 'none')),
	CONSTRAINT "organisations_slug_format" CHECK ("organisations"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "organisations_gss_format" CHECK ("organisations"."gss_code" IS NULL OR "organisations"."gss_code" ~ '^[A-Z][0-9]{8}$')
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"job_title" text,
	"organisation_id" integer,
	"email" text,
	"phone" text,
	"publish_contact" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_studies" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"kind" text DEFAULT 'case-study' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"year_start" integer,
	"year_end" integer,
	"outcomes" text DEFAULT '' NOT NULL,
	"contact_person_id" integer,
	"search_extra" text DEFAULT '' NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
          setweight(to_tsvector('english', coalesce(summary, '')), 'B') ||
          setweight(to_tsvector('english', coalesce(search_extra, '')), 'B') ||
          setweight(to_tsvector('english', coalesce(body, '') || ' ' || coalesce(outcomes, '')), 'C')) STORED NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "case_studies_slug_unique" UNIQUE("slug"),
	CONSTRAINT "case_studies_kind_check" CHECK (kind IN ('case-study', 'policy-lab', 'policy-prototype', 'action-learning-set', 'project')),
	CONSTRAINT "case_studies_status_check" CHECK (status IN ('draft', 'published', 'archived')),
	CONSTRAINT "case_studies_slug_format" CHECK ("case_studies"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "case_studies_years_check" CHECK ("case_studies"."year_start" IS NULL OR "case_studies"."year_start" BETWEEN 1900 AND 2200),
	CONSTRAINT "case_studies_year_order_check" CHECK ("case_studies"."year_end" IS NULL OR ("case_studies"."year_start" IS NOT NULL AND "case_studies"."year_end" BETWEEN "case_studies"."year_start" AND 2200)),
	CONSTRAINT "case_studies_revision_check" CHECK ("case_studies"."revision" >= 1)
);
--> statement-breakpoint
CREATE TABLE "case_study_organisations" (
	"case_study_id" integer NOT NULL,
	"organisation_id" integer NOT NULL,
	"role" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "case_study_organisations_case_study_id_organisation_id_role_pk" PRIMARY KEY("case_study_id","organisation_id","role"),
	CONSTRAINT "case_study_organisations_role_check" CHECK (role IN ('lead', 'participant', 'partner', 'funder'))
);
--> statement-breakpoint
CREATE TABLE "case_study_principles" (
	"case_study_id" integer NOT NULL,
	"principle_id" integer NOT NULL,
	CONSTRAINT "case_study_principles_case_study_id_principle_id_pk" PRIMARY KEY("case_study_id","principle_id")
);
--> statement-breakpoint
CREATE TABLE "case_study_themes" (
	"case_study_id" integer NOT NULL,
	"theme_id" integer NOT NULL,
	CONSTRAINT "case_study_themes_case_study_id_theme_id_pk" PRIMARY KEY("case_study_id","theme_id")
);
--> statement-breakpoint
CREATE TABLE "themes" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "themes_slug_unique" UNIQUE("slug"),
	CONSTRAINT "themes_name_unique" UNIQUE("name"),
	CONSTRAINT "themes_slug_format" CHECK ("themes"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_studies" ADD CONSTRAINT "case_studies_contact_person_id_people_id_fk" FOREIGN KEY ("contact_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_study_organisations" ADD CONSTRAINT "case_study_organisations_case_study_id_case_studies_id_fk" FOREIGN KEY ("case_study_id") REFERENCES "public"."case_studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_study_organisations" ADD CONSTRAINT "case_study_organisations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_study_principles" ADD CONSTRAINT "case_study_principles_case_study_id_case_studies_id_fk" FOREIGN KEY ("case_study_id") REFERENCES "public"."case_studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_study_principles" ADD CONSTRAINT "case_study_principles_principle_id_principles_id_fk" FOREIGN KEY ("principle_id") REFERENCES "public"."principles"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_study_themes" ADD CONSTRAINT "case_study_themes_case_study_id_case_studies_id_fk" FOREIGN KEY ("case_study_id") REFERENCES "public"."case_studies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_study_themes" ADD CONSTRAINT "case_study_themes_theme_id_themes_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."themes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_studies_search_idx" ON "case_studies" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "case_studies_title_trgm_idx" ON "case_studies" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "case_studies_status_published_idx" ON "case_studies" USING btree ("status","published_at");--> statement-breakpoint
CREATE UNIQUE INDEX "case_study_organisations_one_lead" ON "case_study_organisations" USING btree ("case_study_id") WHERE role = 'lead';--> statement-breakpoint
CREATE INDEX "case_study_organisations_org_idx" ON "case_study_organisations" USING btree ("organisation_id","role");--> statement-breakpoint
CREATE INDEX "case_study_principles_principle_idx" ON "case_study_principles" USING btree ("principle_id");--> statement-breakpoint
CREATE INDEX "case_study_themes_theme_idx" ON "case_study_themes" USING btree ("theme_id");