CREATE TABLE "curriculum_completions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"milestone_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"completed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "curriculum_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"year" text NOT NULL,
	"phase" text NOT NULL,
	"due_month" integer NOT NULL,
	"required" boolean DEFAULT true NOT NULL,
	"why" text DEFAULT '' NOT NULL,
	"links" text[] DEFAULT '{}'::text[] NOT NULL,
	"event_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"rule" text,
	"position" integer DEFAULT 0 NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "curriculum_milestones_month" CHECK ("curriculum_milestones"."due_month" between 1 and 12)
);
--> statement-breakpoint
ALTER TABLE "curriculum_completions" ADD CONSTRAINT "curriculum_completions_milestone_id_curriculum_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."curriculum_milestones"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "curriculum_completions" ADD CONSTRAINT "curriculum_completions_student_id_people_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "curriculum_milestones" ADD CONSTRAINT "curriculum_milestones_created_by_id_people_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "curriculum_completions_student_milestone_idx" ON "curriculum_completions" USING btree ("student_id","milestone_id");--> statement-breakpoint
CREATE INDEX "curriculum_milestones_year_idx" ON "curriculum_milestones" USING btree ("year","due_month");