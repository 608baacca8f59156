-- Search vectors for published case studies only. Public search never reads a draft's vectors,
-- and building them was two thirds of the database's time when importing drafts in bulk. A
-- trigger rather than a generated column, so a row that is not public carries none; it rebuilds
-- only when a searched column or the status changes. rank_vector (title and summary) is small,
-- so ranking every match of a common word stays cheap.
ALTER TABLE "case_studies" ALTER COLUMN "search_vector" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "case_studies" ALTER COLUMN "search_vector" DROP EXPRESSION;--> statement-breakpoint
ALTER TABLE "case_studies" ADD COLUMN "rank_vector" "tsvector";--> statement-breakpoint
CREATE OR REPLACE FUNCTION coophub_case_study_search_vectors() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status <> 'published' THEN
    NEW.search_vector := NULL;
    NEW.rank_vector := NULL;
  ELSIF TG_OP = 'INSERT' OR NEW.search_vector IS NULL OR NEW.rank_vector IS NULL
      OR OLD.status IS DISTINCT FROM NEW.status
      OR OLD.title IS DISTINCT FROM NEW.title OR OLD.summary IS DISTINCT FROM NEW.summary
      OR OLD.search_extra IS DISTINCT FROM NEW.search_extra
      OR OLD.body IS DISTINCT FROM NEW.body OR OLD.outcomes IS DISTINCT FROM NEW.outcomes THEN
    NEW.rank_vector := setweight(to_tsvector('english', coalesce(NEW.title, '')), 'A') ||
      setweight(to_tsvector('english', coalesce(NEW.summary, '')), 'B');
    NEW.search_vector := NEW.rank_vector ||
      setweight(to_tsvector('english', coalesce(NEW.search_extra, '')), 'B') ||
      setweight(to_tsvector('english', coalesce(NEW.body, '') || ' ' || coalesce(NEW.outcomes, '')), 'C');
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER case_studies_search_vectors BEFORE INSERT OR UPDATE ON case_studies FOR EACH ROW EXECUTE FUNCTION coophub_case_study_search_vectors();--> statement-breakpoint
-- Fills rank_vector (and clears the vectors of rows that are not public) through the trigger.
UPDATE "case_studies" SET "rank_vector" = NULL;
