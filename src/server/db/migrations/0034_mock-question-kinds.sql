ALTER TABLE "mock_interview_questions" ADD COLUMN "kind" text DEFAULT 'traditional' NOT NULL;--> statement-breakpoint
ALTER TABLE "mock_interview_questions" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
-- Questions already tagged as behavioural or multiple-mini-interview take that kind, and drop the tag it replaces.
UPDATE "mock_interview_questions" SET "kind" = 'behavioural', "tags" = array_remove("tags", 'behavioural') WHERE 'behavioural' = ANY("tags");--> statement-breakpoint
UPDATE "mock_interview_questions" SET "kind" = 'mmi-station', "tags" = array_remove("tags", 'mmi') WHERE 'mmi' = ANY("tags");
