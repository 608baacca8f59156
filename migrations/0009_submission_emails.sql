ALTER TABLE "users" ADD COLUMN "submission_emails" text DEFAULT 'each' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "last_digest_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_submission_emails_check" CHECK (submission_emails IN ('each', 'hourly'));