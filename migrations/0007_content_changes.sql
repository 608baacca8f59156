-- Public content changes, and only those, logged per case study so that every app instance can
-- update its search engine in place instead of rebuilding it, and empty its page cache only when
-- something public changed. content_version now moves once per transaction that changes
-- something public: a draft saved, a submission or a sign-in moves nothing.
--
-- Each change row carries the writing transaction's id. A reader remembers the oldest transaction
-- still running when it last read (pg_snapshot_xmin) and next reads every row from there, so a
-- transaction that commits late is never skipped; rows are applied idempotently (the reader
-- re-reads the case study as it is now).
CREATE TABLE IF NOT EXISTS content_changes (
  xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
  -- The case study whose public version changed; null for a change of something else (subject).
  case_study_id integer,
  -- 'case-study', or the table changed ('organisations', 'principles', 'themes', 'people'), or
  -- 'everything' (a truncate, or `coophub search rebuild`).
  subject text NOT NULL,
  changed_at timestamp with time zone NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS content_changes_xid_idx ON content_changes (xid);
--> statement-breakpoint
-- Pruning: rows below prune_xmin were committed before prune_at, so once prune_at is old enough
-- every running instance has read them (an instance that has not read for that long rebuilds).
ALTER TABLE content_version ADD COLUMN IF NOT EXISTS prune_xmin xid8 NOT NULL DEFAULT '0';
--> statement-breakpoint
ALTER TABLE content_version ADD COLUMN IF NOT EXISTS prune_at timestamp with time zone NOT NULL DEFAULT now();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION coophub_prune_content_changes(keep interval) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  mark record;
  pruned integer;
BEGIN
  -- Never waits: a transaction holding the row (it is changing content) means another time.
  SELECT prune_xmin, prune_at INTO mark FROM content_version WHERE id = 1 FOR UPDATE SKIP LOCKED;
  IF NOT FOUND OR mark.prune_at > now() - keep THEN
    RETURN 0;
  END IF;
  DELETE FROM content_changes WHERE xid < mark.prune_xmin;
  GET DIAGNOSTICS pruned = ROW_COUNT;
  UPDATE content_version SET prune_xmin = pg_snapshot_xmin(pg_current_snapshot()), prune_at = now() WHERE id = 1;
  RETURN pruned;
END;
$$;
--> statement-breakpoint
-- Moves content_version once per transaction, however many rows it changes.
CREATE OR REPLACE FUNCTION coophub_content_changed() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('coophub.content_changed', true) IS DISTINCT FROM 'yes' THEN
    UPDATE content_version SET version = version + 1, changed_at = now() WHERE id = 1;
    PERFORM set_config('coophub.content_changed', 'yes', true);
  END IF;
END;
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS case_studies_content_version ON case_studies;
--> statement-breakpoint
DROP TRIGGER IF EXISTS case_study_principles_content_version ON case_study_principles;
--> statement-breakpoint
DROP TRIGGER IF EXISTS case_study_organisations_content_version ON case_study_organisations;
--> statement-breakpoint
DROP TRIGGER IF EXISTS case_study_themes_content_version ON case_study_themes;
--> statement-breakpoint
DROP TRIGGER IF EXISTS principles_content_version ON principles;
--> statement-breakpoint
DROP TRIGGER IF EXISTS organisations_content_version ON organisations;
--> statement-breakpoint
DROP TRIGGER IF EXISTS people_content_version ON people;
--> statement-breakpoint
DROP TRIGGER IF EXISTS themes_content_version ON themes;
--> statement-breakpoint
DROP FUNCTION IF EXISTS coophub_bump_content_version();
--> statement-breakpoint
-- A case study is public while published: a row that is not published before or after a write is
-- not logged (drafts, submissions, reviews), nor a write to columns no public page shows.
CREATE OR REPLACE FUNCTION coophub_log_case_study() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO content_changes (case_study_id, subject) VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END, 'case-study');
  PERFORM coophub_content_changed();
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER case_studies_log_insert AFTER INSERT ON case_studies FOR EACH ROW
  WHEN (NEW.status = 'published') EXECUTE FUNCTION coophub_log_case_study();
--> statement-breakpoint
CREATE TRIGGER case_studies_log_delete AFTER DELETE ON case_studies FOR EACH ROW
  WHEN (OLD.status = 'published') EXECUTE FUNCTION coophub_log_case_study();
--> statement-breakpoint
CREATE TRIGGER case_studies_log_update AFTER UPDATE ON case_studies FOR EACH ROW
  WHEN ((OLD.status = 'published' OR NEW.status = 'published') AND
    (OLD.status, OLD.slug, OLD.title, OLD.summary, OLD.body, OLD.kind, OLD.stage, OLD.year_start, OLD.year_end, OLD.outcomes,
     OLD.contact_person_id, OLD.search_extra, OLD.facet_keys, OLD.published_at, OLD.updated_at, OLD.owner_organisation_id)
    IS DISTINCT FROM
    (NEW.status, NEW.slug, NEW.title, NEW.summary, NEW.body, NEW.kind, NEW.stage, NEW.year_start, NEW.year_end, NEW.outcomes,
     NEW.contact_person_id, NEW.search_extra, NEW.facet_keys, NEW.published_at, NEW.updated_at, NEW.owner_organisation_id))
  EXECUTE FUNCTION coophub_log_case_study();
--> statement-breakpoint
-- Links of published case studies, once per statement (a bulk load links thousands at once).
CREATE OR REPLACE FUNCTION coophub_log_links() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO content_changes (case_study_id, subject)
    SELECT DISTINCT c.id, 'case-study' FROM new_links l JOIN case_studies c ON c.id = l.case_study_id WHERE c.status = 'published';
    IF FOUND THEN PERFORM coophub_content_changed(); END IF;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    INSERT INTO content_changes (case_study_id, subject)
    SELECT DISTINCT c.id, 'case-study' FROM old_links l JOIN case_studies c ON c.id = l.case_study_id WHERE c.status = 'published';
    IF FOUND THEN PERFORM coophub_content_changed(); END IF;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER case_study_principles_log_insert AFTER INSERT ON case_study_principles REFERENCING NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION coophub_log_links();
--> statement-breakpoint
CREATE TRIGGER case_study_principles_log_update AFTER UPDATE ON case_study_principles REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION coophub_log_links();
--> statement-breakpoint
CREATE TRIGGER case_study_principles_log_delete AFTER DELETE ON case_study_principles REFERENCING OLD TABLE AS old_links FOR EACH STATEMENT EXECUTE FUNCTION coophub_log_links();
--> statement-breakpoint
CREATE TRIGGER case_study_organisations_log_insert AFTER INSERT ON case_study_organisations REFERENCING NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION coophub_log_links();
--> statement-breakpoint
CREATE TRIGGER case_study_organisations_log_update AFTER UPDATE ON case_study_organisations REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION coophub_log_links();
--> statement-breakpoint
CREATE TRIGGER case_study_organisations_log_delete AFTER DELETE ON case_study_organisations REFERENCING OLD TABLE AS old_links FOR EACH STATEMENT EXECUTE FUNCTION coophub_log_links();
--> statement-breakpoint
CREATE TRIGGER case_study_themes_log_insert AFTER INSERT ON case_study_themes REFERENCING NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION coophub_log_links();
--> statement-breakpoint
CREATE TRIGGER case_study_themes_log_update AFTER UPDATE ON case_study_themes REFERENCING OLD TABLE AS old_links NEW TABLE AS new_links FOR EACH STATEMENT EXECUTE FUNCTION coophub_log_links();
--> statement-breakpoint
CREATE TRIGGER case_study_themes_log_delete AFTER DELETE ON case_study_themes REFERENCING OLD TABLE AS old_links FOR EACH STATEMENT EXECUTE FUNCTION coophub_log_links();
--> statement-breakpoint
-- Principles, members, themes and contacts appear on public pages of their own and beside case
-- studies. A change of what a results page lists (a name, a slug, principles' order) also logs
-- each published case study linked, so that search engines re-read its listing.
CREATE OR REPLACE FUNCTION coophub_log_subject() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO content_changes (subject) VALUES (TG_TABLE_NAME);
  PERFORM coophub_content_changed();
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION coophub_log_listed_organisation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO content_changes (case_study_id, subject)
  SELECT DISTINCT c.id, 'case-study' FROM case_study_organisations l JOIN case_studies c ON c.id = l.case_study_id
  WHERE l.organisation_id = NEW.id AND c.status = 'published';
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION coophub_log_listed_principle() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO content_changes (case_study_id, subject)
  SELECT DISTINCT c.id, 'case-study' FROM case_study_principles l JOIN case_studies c ON c.id = l.case_study_id
  WHERE l.principle_id = NEW.id AND c.status = 'published';
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION coophub_log_listed_theme() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO content_changes (case_study_id, subject)
  SELECT DISTINCT c.id, 'case-study' FROM case_study_themes l JOIN case_studies c ON c.id = l.case_study_id
  WHERE l.theme_id = NEW.id AND c.status = 'published';
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER principles_log_insert_delete AFTER INSERT OR DELETE ON principles FOR EACH ROW EXECUTE FUNCTION coophub_log_subject();
--> statement-breakpoint
CREATE TRIGGER principles_log_update AFTER UPDATE ON principles FOR EACH ROW
  WHEN ((OLD.slug, OLD.short_name, OLD.statement, OLD.position) IS DISTINCT FROM (NEW.slug, NEW.short_name, NEW.statement, NEW.position))
  EXECUTE FUNCTION coophub_log_subject();
--> statement-breakpoint
CREATE TRIGGER principles_log_listed AFTER UPDATE ON principles FOR EACH ROW
  WHEN ((OLD.slug, OLD.short_name, OLD.position) IS DISTINCT FROM (NEW.slug, NEW.short_name, NEW.position))
  EXECUTE FUNCTION coophub_log_listed_principle();
--> statement-breakpoint
CREATE TRIGGER organisations_log_insert_delete AFTER INSERT OR DELETE ON organisations FOR EACH ROW EXECUTE FUNCTION coophub_log_subject();
--> statement-breakpoint
CREATE TRIGGER organisations_log_update AFTER UPDATE ON organisations FOR EACH ROW
  WHEN ((OLD.slug, OLD.name, OLD.kind, OLD.tier, OLD.gss_code, OLD.council_type, OLD.nation, OLD.region, OLD.website, OLD.authority_code, OLD.verified)
    IS DISTINCT FROM (NEW.slug, NEW.name, NEW.kind, NEW.tier, NEW.gss_code, NEW.council_type, NEW.nation, NEW.region, NEW.website, NEW.authority_code, NEW.verified))
  EXECUTE FUNCTION coophub_log_subject();
--> statement-breakpoint
CREATE TRIGGER organisations_log_listed AFTER UPDATE ON organisations FOR EACH ROW
  WHEN ((OLD.slug, OLD.name) IS DISTINCT FROM (NEW.slug, NEW.name))
  EXECUTE FUNCTION coophub_log_listed_organisation();
--> statement-breakpoint
CREATE TRIGGER themes_log_insert_delete AFTER INSERT OR DELETE ON themes FOR EACH ROW EXECUTE FUNCTION coophub_log_subject();
--> statement-breakpoint
CREATE TRIGGER themes_log_update AFTER UPDATE ON themes FOR EACH ROW
  WHEN ((OLD.slug, OLD.name) IS DISTINCT FROM (NEW.slug, NEW.name))
  EXECUTE FUNCTION coophub_log_subject();
--> statement-breakpoint
CREATE TRIGGER themes_log_listed AFTER UPDATE ON themes FOR EACH ROW
  WHEN ((OLD.slug, OLD.name) IS DISTINCT FROM (NEW.slug, NEW.name))
  EXECUTE FUNCTION coophub_log_listed_theme();
--> statement-breakpoint
CREATE TRIGGER people_log_insert_delete AFTER INSERT OR DELETE ON people FOR EACH ROW EXECUTE FUNCTION coophub_log_subject();
--> statement-breakpoint
CREATE TRIGGER people_log_update AFTER UPDATE ON people FOR EACH ROW
  WHEN ((OLD.name, OLD.job_title, OLD.organisation_id, OLD.email, OLD.phone, OLD.publish_contact)
    IS DISTINCT FROM (NEW.name, NEW.job_title, NEW.organisation_id, NEW.email, NEW.phone, NEW.publish_contact))
  EXECUTE FUNCTION coophub_log_subject();
--> statement-breakpoint
-- A truncate of any of them: everything is to be read again.
CREATE OR REPLACE FUNCTION coophub_log_everything() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO content_changes (subject) VALUES ('everything');
  PERFORM coophub_content_changed();
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER case_studies_log_truncate AFTER TRUNCATE ON case_studies FOR EACH STATEMENT EXECUTE FUNCTION coophub_log_everything();
--> statement-breakpoint
CREATE TRIGGER case_study_principles_log_truncate AFTER TRUNCATE ON case_study_principles FOR EACH STATEMENT EXECUTE FUNCTION coophub_log_everything();
--> statement-breakpoint
CREATE TRIGGER case_study_organisations_log_truncate AFTER TRUNCATE ON case_study_organisations FOR EACH STATEMENT EXECUTE FUNCTION coophub_log_everything();
--> statement-breakpoint
CREATE TRIGGER case_study_themes_log_truncate AFTER TRUNCATE ON case_study_themes FOR EACH STATEMENT EXECUTE FUNCTION coophub_log_everything();
--> statement-breakpoint
CREATE TRIGGER principles_log_truncate AFTER TRUNCATE ON principles FOR EACH STATEMENT EXECUTE FUNCTION coophub_log_everything();
--> statement-breakpoint
CREATE TRIGGER organisations_log_truncate AFTER TRUNCATE ON organisations FOR EACH STATEMENT EXECUTE FUNCTION coophub_log_everything();
--> statement-breakpoint
CREATE TRIGGER themes_log_truncate AFTER TRUNCATE ON themes FOR EACH STATEMENT EXECUTE FUNCTION coophub_log_everything();
--> statement-breakpoint
CREATE TRIGGER people_log_truncate AFTER TRUNCATE ON people FOR EACH STATEMENT EXECUTE FUNCTION coophub_log_everything();
