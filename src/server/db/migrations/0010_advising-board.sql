CREATE TABLE "advising_board_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"student_id" uuid NOT NULL,
	"slot" text NOT NULL,
	"person_id" uuid NOT NULL,
	"specialty_id" text,
	"note" text DEFAULT '' NOT NULL,
	"assigned_by" uuid,
	"assigned_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "advising_board_assignments" ADD CONSTRAINT "advising_board_assignments_student_id_people_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advising_board_assignments" ADD CONSTRAINT "advising_board_assignments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advising_board_assignments" ADD CONSTRAINT "advising_board_assignments_specialty_id_specialties_id_fk" FOREIGN KEY ("specialty_id") REFERENCES "public"."specialties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advising_board_assignments" ADD CONSTRAINT "advising_board_assignments_assigned_by_people_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "advising_board_assignments_unique" ON "advising_board_assignments" USING btree ("student_id","slot","person_id");--> statement-breakpoint
CREATE INDEX "advising_board_assignments_person_idx" ON "advising_board_assignments" USING btree ("person_id");