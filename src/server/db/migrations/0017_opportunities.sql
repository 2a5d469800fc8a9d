CREATE SEQUENCE "public"."opportunities_revision_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "experience_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"student_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"organization" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"start_date" date,
	"end_date" date,
	"hours" integer,
	"application_id" uuid,
	"confirmed_by_id" uuid,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "experience_entries_end_after_start" CHECK ("experience_entries"."end_date" is null or "experience_entries"."start_date" is null or "experience_entries"."end_date" >= "experience_entries"."start_date"),
	CONSTRAINT "experience_entries_hours" CHECK ("experience_entries"."hours" is null or "experience_entries"."hours" >= 0)
);
--> statement-breakpoint
CREATE TABLE "opportunities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"specialty_id" text,
	"class_years" text[] DEFAULT '{}'::text[] NOT NULL,
	"remote" boolean DEFAULT false NOT NULL,
	"places" integer NOT NULL,
	"apply_by" timestamp with time zone,
	"start_date" date,
	"end_date" date,
	"time_commitment" text DEFAULT '' NOT NULL,
	"research_question" text DEFAULT '' NOT NULL,
	"methods" text DEFAULT '' NOT NULL,
	"skills_wanted" text DEFAULT '' NOT NULL,
	"expected_output" text DEFAULT '' NOT NULL,
	"site" text DEFAULT '' NOT NULL,
	"dress_code" text DEFAULT '' NOT NULL,
	"what_to_bring" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"poster_id" uuid,
	"revision" bigint DEFAULT nextval('opportunities_revision_seq') NOT NULL,
	"search_document" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', "title" || ' ' || "description")) STORED,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "opportunities_places_positive" CHECK ("opportunities"."places" > 0),
	CONSTRAINT "opportunities_end_after_start" CHECK ("opportunities"."end_date" is null or "opportunities"."start_date" is null or "opportunities"."end_date" >= "opportunities"."start_date")
);
--> statement-breakpoint
CREATE TABLE "opportunity_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"statement" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"poster_message" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "experience_entries" ADD CONSTRAINT "experience_entries_student_id_people_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experience_entries" ADD CONSTRAINT "experience_entries_application_id_opportunity_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."opportunity_applications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experience_entries" ADD CONSTRAINT "experience_entries_confirmed_by_id_people_id_fk" FOREIGN KEY ("confirmed_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_poster_id_people_id_fk" FOREIGN KEY ("poster_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_applications" ADD CONSTRAINT "opportunity_applications_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_applications" ADD CONSTRAINT "opportunity_applications_student_id_people_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "experience_entries_student_idx" ON "experience_entries" USING btree ("student_id");--> statement-breakpoint
CREATE UNIQUE INDEX "experience_entries_application_idx" ON "experience_entries" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "opportunities_poster_idx" ON "opportunities" USING btree ("poster_id");--> statement-breakpoint
CREATE INDEX "opportunities_revision_idx" ON "opportunities" USING btree ("revision");--> statement-breakpoint
CREATE INDEX "opportunities_status_idx" ON "opportunities" USING btree ("status","apply_by");--> statement-breakpoint
CREATE INDEX "opportunities_search_idx" ON "opportunities" USING gin ("search_document");--> statement-breakpoint
CREATE UNIQUE INDEX "opportunity_applications_student_idx" ON "opportunity_applications" USING btree ("opportunity_id","student_id");--> statement-breakpoint
CREATE INDEX "opportunity_applications_status_idx" ON "opportunity_applications" USING btree ("opportunity_id","status");--> statement-breakpoint
CREATE INDEX "opportunity_applications_of_student_idx" ON "opportunity_applications" USING btree ("student_id");