CREATE TABLE "publication_case_studies" (
	"publication_id" integer NOT NULL,
	"position" integer NOT NULL,
	"case_study_id" integer,
	"revision_id" integer,
	"revision_number" integer NOT NULL,
	"title" text NOT NULL,
	CONSTRAINT "publication_case_studies_publication_id_position_pk" PRIMARY KEY("publication_id","position")
);
--> statement-breakpoint
CREATE TABLE "publications" (
	"id" serial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"kind" text DEFAULT 'pack' NOT NULL,
	"title" text NOT NULL,
	"language" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"edition" integer DEFAULT 1 NOT NULL,
	"options" jsonb NOT NULL,
	"document" jsonb NOT NULL,
	"pdf" "bytea" NOT NULL,
	"pdf_bytes" integer NOT NULL,
	"pages" integer NOT NULL,
	"published_by_user_id" integer,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "publications_slug_unique" UNIQUE("slug"),
	CONSTRAINT "publications_kind_check" CHECK (kind IN ('pack')),
	CONSTRAINT "publications_language_check" CHECK (language IN ('en', 'cy')),
	CONSTRAINT "publications_slug_format" CHECK ("publications"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
	CONSTRAINT "publications_period_check" CHECK ("publications"."period_to" >= "publications"."period_from")
);
--> statement-breakpoint
ALTER TABLE "publication_case_studies" ADD CONSTRAINT "publication_case_studies_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_case_studies" ADD CONSTRAINT "publication_case_studies_case_study_id_case_studies_id_fk" FOREIGN KEY ("case_study_id") REFERENCES "public"."case_studies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_case_studies" ADD CONSTRAINT "publication_case_studies_revision_id_case_study_revisions_id_fk" FOREIGN KEY ("revision_id") REFERENCES "public"."case_study_revisions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_published_by_user_id_users_id_fk" FOREIGN KEY ("published_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "publication_case_studies_case_study_idx" ON "publication_case_studies" USING btree ("case_study_id");--> statement-breakpoint
CREATE INDEX "publications_published_idx" ON "publications" USING btree ("published_at");