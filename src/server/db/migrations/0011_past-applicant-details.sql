CREATE TABLE "past_applicant_details" (
	"applicant_id" uuid PRIMARY KEY NOT NULL,
	"tie_states" text[] DEFAULT '{}' NOT NULL,
	"tie_regions" text[] DEFAULT '{}' NOT NULL,
	"needs_visa" boolean DEFAULT false NOT NULL,
	"away_rotation_program_ids" text[] DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "past_applicant_details" ADD CONSTRAINT "past_applicant_details_applicant_id_past_applicants_id_fk" FOREIGN KEY ("applicant_id") REFERENCES "public"."past_applicants"("id") ON DELETE cascade ON UPDATE no action;