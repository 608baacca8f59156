ALTER TABLE "principles" ADD COLUMN "short_name_cy" text;--> statement-breakpoint
ALTER TABLE "principles" ADD COLUMN "statement_cy" text;--> statement-breakpoint
ALTER TABLE "case_studies" ADD COLUMN "language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "case_studies" ADD COLUMN "translation_group" integer;--> statement-breakpoint
CREATE UNIQUE INDEX "case_studies_translation_idx" ON "case_studies" USING btree ("translation_group","language");--> statement-breakpoint
ALTER TABLE "case_studies" ADD CONSTRAINT "case_studies_language_check" CHECK (language IN ('en', 'cy'));--> statement-breakpoint
-- PostgreSQL has no Welsh stemmer: Welsh content is indexed with the simple configuration (words
-- lower-cased, not stemmed, no stop words), English content with the english one as before.
CREATE OR REPLACE FUNCTION coophub_case_study_search_vectors() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  config regconfig := CASE WHEN NEW.language = 'cy' THEN 'simple'::regconfig ELSE 'english'::regconfig END;
BEGIN
  IF NEW.status <> 'published' THEN
    NEW.search_vector := NULL;
    NEW.rank_vector := NULL;
  ELSIF TG_OP = 'INSERT' OR NEW.search_vector IS NULL OR NEW.rank_vector IS NULL
      OR OLD.status IS DISTINCT FROM NEW.status OR OLD.language IS DISTINCT FROM NEW.language
      OR OLD.title IS DISTINCT FROM NEW.title OR OLD.summary IS DISTINCT FROM NEW.summary
      OR OLD.search_extra IS DISTINCT FROM NEW.search_extra
      OR OLD.body IS DISTINCT FROM NEW.body OR OLD.outcomes IS DISTINCT FROM NEW.outcomes THEN
    NEW.rank_vector := setweight(to_tsvector(config, coalesce(NEW.title, '')), 'A') ||
      setweight(to_tsvector(config, coalesce(NEW.summary, '')), 'B');
    NEW.search_vector := NEW.rank_vector ||
      setweight(to_tsvector(config, coalesce(NEW.search_extra, '')), 'B') ||
      setweight(to_tsvector(config, coalesce(NEW.body, '') || ' ' || coalesce(NEW.outcomes, '')), 'C');
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
-- A change of language or of translation changes what public pages show.
DROP TRIGGER IF EXISTS case_studies_log_update ON case_studies;--> statement-breakpoint
CREATE TRIGGER case_studies_log_update AFTER UPDATE ON case_studies FOR EACH ROW
  WHEN ((OLD.status = 'published' OR NEW.status = 'published') AND
    (OLD.status, OLD.slug, OLD.title, OLD.summary, OLD.body, OLD.kind, OLD.stage, OLD.year_start, OLD.year_end, OLD.outcomes,
     OLD.contact_person_id, OLD.search_extra, OLD.facet_keys, OLD.published_at, OLD.updated_at, OLD.owner_organisation_id,
     OLD.language, OLD.translation_group)
    IS DISTINCT FROM
    (NEW.status, NEW.slug, NEW.title, NEW.summary, NEW.body, NEW.kind, NEW.stage, NEW.year_start, NEW.year_end, NEW.outcomes,
     NEW.contact_person_id, NEW.search_extra, NEW.facet_keys, NEW.published_at, NEW.updated_at, NEW.owner_organisation_id,
     NEW.language, NEW.translation_group))
  EXECUTE FUNCTION coophub_log_case_study();--> statement-breakpoint
DROP TRIGGER IF EXISTS principles_log_update ON principles;--> statement-breakpoint
CREATE TRIGGER principles_log_update AFTER UPDATE ON principles FOR EACH ROW
  WHEN ((OLD.slug, OLD.short_name, OLD.statement, OLD.position, OLD.short_name_cy, OLD.statement_cy)
    IS DISTINCT FROM (NEW.slug, NEW.short_name, NEW.statement, NEW.position, NEW.short_name_cy, NEW.statement_cy))
  EXECUTE FUNCTION coophub_log_subject();--> statement-breakpoint
DROP TRIGGER IF EXISTS principles_log_listed ON principles;--> statement-breakpoint
CREATE TRIGGER principles_log_listed AFTER UPDATE ON principles FOR EACH ROW
  WHEN ((OLD.slug, OLD.short_name, OLD.position, OLD.short_name_cy) IS DISTINCT FROM (NEW.slug, NEW.short_name, NEW.position, NEW.short_name_cy))
  EXECUTE FUNCTION coophub_log_listed_principle();
