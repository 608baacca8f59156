ALTER TABLE "memberships" ADD COLUMN "paid_through_year" integer;--> statement-breakpoint
-- The members recorded before membership records began had paid for the year they were in (the
-- year starts on 1 September unless configured otherwise: August is the year before's last month).
UPDATE "memberships" SET "paid_through_year" = EXTRACT(YEAR FROM (now() AT TIME ZONE 'Europe/London') - interval '8 months')::int
WHERE "status" = 'current' AND "paid_through_year" IS NULL AND NOT EXISTS (SELECT 1 FROM "invoices" WHERE "invoices"."membership_id" = "memberships"."id");
