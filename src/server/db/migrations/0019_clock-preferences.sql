-- How a person reads times, kept on the server so that e-mails follow it too (pages used to keep
-- the 12/24-hour choice in the browser only, and students had no zone at all).
ALTER TABLE "people" ADD COLUMN "time_zone" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "hour_cycle" text;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_hour_cycle_check" CHECK ("hour_cycle" IN ('12h', '24h'));
