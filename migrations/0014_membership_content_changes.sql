-- The members' directory (/members, /api/v1/members) shows each member's "member since" and its
-- former members with the year they left, read from memberships: a change there must reach the
-- page cache like a change of organisations does, whoever writes it (the first payment sets
-- member_since without touching the organisation). Status changes that the directory does not
-- show (current to renewal due, overdue) are left out, so the daily job does not empty the cache.
CREATE TRIGGER memberships_log_insert_delete AFTER INSERT OR DELETE ON memberships FOR EACH ROW EXECUTE FUNCTION coophub_log_subject();
--> statement-breakpoint
CREATE TRIGGER memberships_log_update AFTER UPDATE ON memberships FOR EACH ROW
  WHEN ((OLD.organisation_id, OLD.tier, OLD.member_since, OLD.ended_on,
      CASE WHEN OLD.status IN ('lapsed', 'resigned') THEN OLD.status WHEN OLD.status IN ('refused', 'converted') THEN 'ended' ELSE 'open' END)
    IS DISTINCT FROM (NEW.organisation_id, NEW.tier, NEW.member_since, NEW.ended_on,
      CASE WHEN NEW.status IN ('lapsed', 'resigned') THEN NEW.status WHEN NEW.status IN ('refused', 'converted') THEN 'ended' ELSE 'open' END))
  EXECUTE FUNCTION coophub_log_subject();
--> statement-breakpoint
-- A lapse's date is the day of its history row: the former members' "year they left".
CREATE TRIGGER membership_events_log_insert AFTER INSERT ON membership_events FOR EACH ROW
  WHEN (NEW.to_status IN ('lapsed', 'resigned')) EXECUTE FUNCTION coophub_log_subject();
--> statement-breakpoint
CREATE TRIGGER memberships_log_truncate AFTER TRUNCATE ON memberships FOR EACH STATEMENT EXECUTE FUNCTION coophub_log_everything();
