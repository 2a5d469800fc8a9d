-- The day-before reminder of an event, once per attendee; null until it went out.
ALTER TABLE "event_rsvps" ADD COLUMN "reminded_at" timestamp with time zone;
