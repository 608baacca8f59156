-- One number that changes whenever public content changes, so every app instance can tell when
-- its cached pages are stale, whoever made the change (a web request, an import, a script).
CREATE TABLE IF NOT EXISTS content_version (
  id integer PRIMARY KEY CHECK (id = 1),
  version bigint NOT NULL DEFAULT 1,
  changed_at timestamp with time zone NOT NULL DEFAULT now()
);
--> statement-breakpoint
INSERT INTO content_version (id) VALUES (1) ON CONFLICT (id) DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION coophub_bump_content_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE content_version SET version = version + 1, changed_at = now() WHERE id = 1;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER case_studies_content_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON case_studies FOR EACH STATEMENT EXECUTE FUNCTION coophub_bump_content_version();
--> statement-breakpoint
CREATE TRIGGER case_study_principles_content_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON case_study_principles FOR EACH STATEMENT EXECUTE FUNCTION coophub_bump_content_version();
--> statement-breakpoint
CREATE TRIGGER case_study_organisations_content_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON case_study_organisations FOR EACH STATEMENT EXECUTE FUNCTION coophub_bump_content_version();
--> statement-breakpoint
CREATE TRIGGER case_study_themes_content_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON case_study_themes FOR EACH STATEMENT EXECUTE FUNCTION coophub_bump_content_version();
--> statement-breakpoint
CREATE TRIGGER principles_content_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON principles FOR EACH STATEMENT EXECUTE FUNCTION coophub_bump_content_version();
--> statement-breakpoint
CREATE TRIGGER organisations_content_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organisations FOR EACH STATEMENT EXECUTE FUNCTION coophub_bump_content_version();
--> statement-breakpoint
CREATE TRIGGER people_content_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON people FOR EACH STATEMENT EXECUTE FUNCTION coophub_bump_content_version();
--> statement-breakpoint
CREATE TRIGGER themes_content_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON themes FOR EACH STATEMENT EXECUTE FUNCTION coophub_bump_content_version();
