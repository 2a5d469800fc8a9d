CREATE TABLE "class_rollovers" (
	"academic_year" text PRIMARY KEY NOT NULL,
	"ran_at" timestamp with time zone NOT NULL,
	"ran_by_id" uuid,
	"promoted" integer NOT NULL,
	"graduated" integer NOT NULL,
	"kept_in_place" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "school_id" text;--> statement-breakpoint
ALTER TABLE "student_profiles" ADD COLUMN "enrollment" text DEFAULT 'enrolled' NOT NULL;--> statement-breakpoint
ALTER TABLE "student_profiles" ADD COLUMN "house" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "class_rollovers" ADD CONSTRAINT "class_rollovers_ran_by_id_people_id_fk" FOREIGN KEY ("ran_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "people_school_id_idx" ON "people" USING btree ("school_id");