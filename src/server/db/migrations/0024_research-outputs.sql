CREATE TABLE "research_outputs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"experience_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"citation" text NOT NULL,
	"date" date,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "research_outputs" ADD CONSTRAINT "research_outputs_experience_id_experience_entries_id_fk" FOREIGN KEY ("experience_id") REFERENCES "public"."experience_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "research_outputs" ADD CONSTRAINT "research_outputs_student_id_people_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "research_outputs_experience_idx" ON "research_outputs" USING btree ("experience_id");--> statement-breakpoint
CREATE INDEX "research_outputs_student_idx" ON "research_outputs" USING btree ("student_id");