CREATE TABLE "event_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"rule" text NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_series_occurrences" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"series_id" uuid NOT NULL,
	"occurrence" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_slot_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"slot_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"status" text NOT NULL,
	"calendar_sequence" integer DEFAULT 0 NOT NULL,
	"booked_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "event_slots_end_after_start" CHECK ("event_slots"."end_at" > "event_slots"."start_at")
);
--> statement-breakpoint
CREATE TABLE "academic_calendar_dates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "academic_calendar_dates_order" CHECK ("academic_calendar_dates"."ends_on" >= "academic_calendar_dates"."starts_on")
);
--> statement-breakpoint
ALTER TABLE "event_series" ADD CONSTRAINT "event_series_created_by_id_people_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_series_occurrences" ADD CONSTRAINT "event_series_occurrences_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_series_occurrences" ADD CONSTRAINT "event_series_occurrences_series_id_event_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."event_series"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_slot_bookings" ADD CONSTRAINT "event_slot_bookings_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_slot_bookings" ADD CONSTRAINT "event_slot_bookings_slot_id_event_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."event_slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_slot_bookings" ADD CONSTRAINT "event_slot_bookings_student_id_people_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_slots" ADD CONSTRAINT "event_slots_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "event_series_occurrences_series_idx" ON "event_series_occurrences" USING btree ("series_id","occurrence");--> statement-breakpoint
CREATE UNIQUE INDEX "event_slot_bookings_event_student_idx" ON "event_slot_bookings" USING btree ("event_id","student_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_slot_bookings_one_per_slot_idx" ON "event_slot_bookings" USING btree ("slot_id") WHERE "event_slot_bookings"."status" = 'booked';--> statement-breakpoint
CREATE INDEX "event_slots_event_idx" ON "event_slots" USING btree ("event_id","start_at");--> statement-breakpoint
CREATE INDEX "academic_calendar_dates_starts_idx" ON "academic_calendar_dates" USING btree ("starts_on");