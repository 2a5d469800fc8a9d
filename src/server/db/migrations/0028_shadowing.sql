CREATE TABLE "requirement_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"requirement_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"completed_on" date NOT NULL,
	"expires_on" date,
	"verified_by_id" uuid,
	"verified_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "requirement_records_expiry_after_completion" CHECK ("requirement_records"."expires_on" is null or "requirement_records"."expires_on" > "requirement_records"."completed_on")
);
--> statement-breakpoint
CREATE TABLE "requirements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"verification" text NOT NULL,
	"opportunity_kind" text,
	"opportunity_id" uuid,
	"created_by_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"retired_at" timestamp with time zone,
	CONSTRAINT "requirements_one_scope" CHECK (("requirements"."opportunity_kind" is null) <> ("requirements"."opportunity_id" is null))
);
--> statement-breakpoint
CREATE TABLE "shadowing_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slot_id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"calendar_sequence" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"recorded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "shadowing_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"site" text DEFAULT '' NOT NULL,
	"dress_code" text DEFAULT '' NOT NULL,
	"what_to_bring" text DEFAULT '' NOT NULL,
	"places" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"removed_at" timestamp with time zone,
	CONSTRAINT "shadowing_slots_places_positive" CHECK ("shadowing_slots"."places" > 0),
	CONSTRAINT "shadowing_slots_end_after_start" CHECK ("shadowing_slots"."end_at" > "shadowing_slots"."start_at")
);
--> statement-breakpoint
ALTER TABLE "experience_entries" ADD COLUMN "shadowing_booking_id" uuid;--> statement-breakpoint
ALTER TABLE "requirement_records" ADD CONSTRAINT "requirement_records_requirement_id_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."requirements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_records" ADD CONSTRAINT "requirement_records_student_id_people_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirement_records" ADD CONSTRAINT "requirement_records_verified_by_id_people_id_fk" FOREIGN KEY ("verified_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirements" ADD CONSTRAINT "requirements_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "requirements" ADD CONSTRAINT "requirements_created_by_id_people_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shadowing_bookings" ADD CONSTRAINT "shadowing_bookings_slot_id_shadowing_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."shadowing_slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shadowing_bookings" ADD CONSTRAINT "shadowing_bookings_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shadowing_bookings" ADD CONSTRAINT "shadowing_bookings_student_id_people_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shadowing_slots" ADD CONSTRAINT "shadowing_slots_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "requirement_records_student_idx" ON "requirement_records" USING btree ("student_id","requirement_id");--> statement-breakpoint
CREATE INDEX "requirements_opportunity_idx" ON "requirements" USING btree ("opportunity_id");--> statement-breakpoint
CREATE INDEX "shadowing_bookings_slot_idx" ON "shadowing_bookings" USING btree ("slot_id","status");--> statement-breakpoint
CREATE INDEX "shadowing_bookings_student_idx" ON "shadowing_bookings" USING btree ("student_id");--> statement-breakpoint
CREATE UNIQUE INDEX "shadowing_bookings_one_per_student_idx" ON "shadowing_bookings" USING btree ("opportunity_id","student_id") WHERE "shadowing_bookings"."status" = 'booked';--> statement-breakpoint
CREATE INDEX "shadowing_slots_opportunity_idx" ON "shadowing_slots" USING btree ("opportunity_id","start_at");--> statement-breakpoint
ALTER TABLE "experience_entries" ADD CONSTRAINT "experience_entries_shadowing_booking_id_shadowing_bookings_id_fk" FOREIGN KEY ("shadowing_booking_id") REFERENCES "public"."shadowing_bookings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "experience_entries_shadowing_booking_idx" ON "experience_entries" USING btree ("shadowing_booking_id");