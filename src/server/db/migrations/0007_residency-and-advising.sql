CREATE TABLE "past_applicants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text NOT NULL,
	"person_id" uuid,
	"match_year" integer NOT NULL,
	"applicant_type" text NOT NULL,
	"step2" integer,
	"step1" text,
	"research_items" integer DEFAULT 0 NOT NULL,
	"alpha_omega_alpha" boolean DEFAULT false NOT NULL,
	"gold_humanism" boolean DEFAULT false NOT NULL,
	"clerkship_honors" integer DEFAULT 0 NOT NULL,
	"experiences" integer DEFAULT 0 NOT NULL,
	"specialty_id" text NOT NULL,
	"matched_program_id" text,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "past_applicants_external_id_unique" UNIQUE("external_id")
);
--> statement-breakpoint
CREATE TABLE "past_applications" (
	"applicant_id" uuid NOT NULL,
	"program_id" text NOT NULL,
	"signalled" boolean DEFAULT false NOT NULL,
	"interviewed" boolean DEFAULT false NOT NULL,
	CONSTRAINT "past_applications_applicant_id_program_id_pk" PRIMARY KEY("applicant_id","program_id")
);
--> statement-breakpoint
CREATE TABLE "residency_programs" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"institution" text DEFAULT '' NOT NULL,
	"specialty_id" text NOT NULL,
	"track" text NOT NULL,
	"city" text DEFAULT '' NOT NULL,
	"state" text NOT NULL,
	"region" text NOT NULL,
	"positions" integer NOT NULL,
	"length_years" integer DEFAULT 3 NOT NULL,
	"setting" text NOT NULL,
	"sponsors_visa" boolean DEFAULT false NOT NULL,
	"step2_p25" integer NOT NULL,
	"step2_p75" integer NOT NULL,
	"research_emphasis" real DEFAULT 0.3 NOT NULL,
	"competitiveness" real DEFAULT 0.5 NOT NULL,
	"trainees_md_percent" integer,
	"trainees_do_percent" integer,
	"trainees_img_percent" integer,
	"interview_dates" date[] DEFAULT '{}' NOT NULL,
	"website" text DEFAULT '' NOT NULL,
	"source" text DEFAULT 'import' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "residency_programs_positions_check" CHECK ("residency_programs"."positions" >= 0),
	CONSTRAINT "residency_programs_step2_check" CHECK ("residency_programs"."step2_p25" <= "residency_programs"."step2_p75")
);
--> statement-breakpoint
CREATE TABLE "smart_pick_calibrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"priors" jsonb NOT NULL,
	"report" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "student_advisors" (
	"student_id" uuid NOT NULL,
	"advisor_id" uuid NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"assigned_by" uuid,
	CONSTRAINT "student_advisors_student_id_advisor_id_pk" PRIMARY KEY("student_id","advisor_id")
);
--> statement-breakpoint
ALTER TABLE "past_applicants" ADD CONSTRAINT "past_applicants_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "past_applicants" ADD CONSTRAINT "past_applicants_specialty_id_specialties_id_fk" FOREIGN KEY ("specialty_id") REFERENCES "public"."specialties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "past_applicants" ADD CONSTRAINT "past_applicants_matched_program_id_residency_programs_id_fk" FOREIGN KEY ("matched_program_id") REFERENCES "public"."residency_programs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "past_applications" ADD CONSTRAINT "past_applications_applicant_id_past_applicants_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."past_applicants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "past_applications" ADD CONSTRAINT "past_applications_program_id_residency_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."residency_programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residency_programs" ADD CONSTRAINT "residency_programs_specialty_id_specialties_id_fk" FOREIGN KEY ("specialty_id") REFERENCES "public"."specialties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "smart_pick_calibrations" ADD CONSTRAINT "smart_pick_calibrations_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_advisors" ADD CONSTRAINT "student_advisors_student_id_people_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_advisors" ADD CONSTRAINT "student_advisors_advisor_id_people_id_fk" FOREIGN KEY ("advisor_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_advisors" ADD CONSTRAINT "student_advisors_assigned_by_people_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "past_applicants_year_idx" ON "past_applicants" USING btree ("match_year");--> statement-breakpoint
CREATE INDEX "past_applicants_matched_idx" ON "past_applicants" USING btree ("matched_program_id");--> statement-breakpoint
CREATE INDEX "past_applications_program_idx" ON "past_applications" USING btree ("program_id");--> statement-breakpoint
CREATE INDEX "residency_programs_specialty_idx" ON "residency_programs" USING btree ("specialty_id","track");--> statement-breakpoint
CREATE INDEX "residency_programs_state_idx" ON "residency_programs" USING btree ("state");--> statement-breakpoint
CREATE INDEX "smart_pick_calibrations_created_idx" ON "smart_pick_calibrations" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "student_advisors_advisor_idx" ON "student_advisors" USING btree ("advisor_id");