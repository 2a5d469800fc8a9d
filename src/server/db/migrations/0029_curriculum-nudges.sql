CREATE TABLE "curriculum_nudges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"milestone_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"sent_by_id" uuid,
	"sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "curriculum_nudges" ADD CONSTRAINT "curriculum_nudges_milestone_id_curriculum_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."curriculum_milestones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "curriculum_nudges" ADD CONSTRAINT "curriculum_nudges_student_id_people_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "curriculum_nudges" ADD CONSTRAINT "curriculum_nudges_sent_by_id_people_id_fk" FOREIGN KEY ("sent_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "curriculum_nudges_milestone_student_idx" ON "curriculum_nudges" USING btree ("milestone_id","student_id","sent_at");