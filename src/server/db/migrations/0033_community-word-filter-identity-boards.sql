CREATE TABLE "community_word_filter" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"term" text NOT NULL,
	"normalised" text NOT NULL,
	"action" text NOT NULL,
	"added_by" uuid,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "community_word_filter_normalised_unique" UNIQUE("normalised"),
	CONSTRAINT "community_word_filter_action" CHECK ("community_word_filter"."action" in ('block', 'review')),
	CONSTRAINT "community_word_filter_normalised" CHECK (length("community_word_filter"."normalised") > 0)
);
--> statement-breakpoint
ALTER TABLE "community_reports" ALTER COLUMN "reporter_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "community_answers" ADD COLUMN "held_for_review" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "community_questions" ADD COLUMN "held_for_review" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "community_word_filter" ADD CONSTRAINT "community_word_filter_added_by_people_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;