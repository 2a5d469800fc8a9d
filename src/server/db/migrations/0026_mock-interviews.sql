CREATE TABLE "mock_interview_allowances" (
	"student_id" uuid NOT NULL,
	"season" text NOT NULL,
	CONSTRAINT "mock_interview_allowances_student_id_season_pk" PRIMARY KEY("student_id","season")
);
--> statement-breakpoint
CREATE TABLE "mock_interview_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slot_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"season" text NOT NULL,
	"booked_at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone,
	"calendar_sequence" integer DEFAULT 0 NOT NULL,
	"feedback" text DEFAULT '' NOT NULL,
	"scored_at" timestamp with time zone,
	"reminded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "mock_interview_competencies" (
	"id" text PRIMARY KEY NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"levels" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mock_interview_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"specialty_id" text,
	"text" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mock_interview_scores" (
	"booking_id" uuid NOT NULL,
	"competency_id" text NOT NULL,
	"score" integer NOT NULL,
	CONSTRAINT "mock_interview_scores_booking_id_competency_id_pk" PRIMARY KEY("booking_id","competency_id")
);
--> statement-breakpoint
CREATE TABLE "mock_interview_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"bookings_per_season" integer DEFAULT 2 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mock_interview_settings_one_row" CHECK ("mock_interview_settings"."id" = 1),
	CONSTRAINT "mock_interview_settings_limit" CHECK ("mock_interview_settings"."bookings_per_season" > 0)
);
--> statement-breakpoint
CREATE TABLE "mock_interview_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"interviewer_id" uuid NOT NULL,
	"specialty_id" text NOT NULL,
	"kind" text NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"end_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"place" text NOT NULL,
	"room" text DEFAULT '' NOT NULL,
	"online_link" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "mock_interview_slots_end_after_start" CHECK ("mock_interview_slots"."end_at" > "mock_interview_slots"."start_at")
);
--> statement-breakpoint
ALTER TABLE "mock_interview_allowances" ADD CONSTRAINT "mock_interview_allowances_student_id_people_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mock_interview_bookings" ADD CONSTRAINT "mock_interview_bookings_slot_id_mock_interview_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."mock_interview_slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mock_interview_bookings" ADD CONSTRAINT "mock_interview_bookings_student_id_people_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mock_interview_scores" ADD CONSTRAINT "mock_interview_scores_booking_id_mock_interview_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."mock_interview_bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mock_interview_scores" ADD CONSTRAINT "mock_interview_scores_competency_id_mock_interview_competencies_id_fk" FOREIGN KEY ("competency_id") REFERENCES "public"."mock_interview_competencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mock_interview_slots" ADD CONSTRAINT "mock_interview_slots_interviewer_id_people_id_fk" FOREIGN KEY ("interviewer_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mock_interview_bookings_one_per_slot" ON "mock_interview_bookings" USING btree ("slot_id") WHERE "mock_interview_bookings"."status" = 'booked';--> statement-breakpoint
CREATE INDEX "mock_interview_bookings_student_idx" ON "mock_interview_bookings" USING btree ("student_id","season");--> statement-breakpoint
CREATE INDEX "mock_interview_questions_specialty_idx" ON "mock_interview_questions" USING btree ("specialty_id");--> statement-breakpoint
CREATE INDEX "mock_interview_slots_start_idx" ON "mock_interview_slots" USING btree ("start_at");--> statement-breakpoint
CREATE INDEX "mock_interview_slots_interviewer_idx" ON "mock_interview_slots" USING btree ("interviewer_id","start_at");