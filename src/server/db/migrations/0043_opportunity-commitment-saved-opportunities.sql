CREATE TABLE "saved_opportunities" (
	"student_id" uuid NOT NULL,
	"opportunity_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "saved_opportunities_student_id_opportunity_id_pk" PRIMARY KEY("student_id","opportunity_id")
);
--> statement-breakpoint
ALTER TABLE "opportunities" ADD COLUMN "commitment" text;--> statement-breakpoint
ALTER TABLE "saved_opportunities" ADD CONSTRAINT "saved_opportunities_student_id_people_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_opportunities" ADD CONSTRAINT "saved_opportunities_opportunity_id_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."opportunities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "saved_opportunities_opportunity_idx" ON "saved_opportunities" USING btree ("opportunity_id");--> statement-breakpoint
-- The board's time-commitment bucket for the opportunities posted before it existed: where the
-- poster's words say full time, a year or a summer; otherwise what the kind usually takes
-- (shared/reference/time-commitments.ts, USUAL_TIME_COMMITMENT).
UPDATE "opportunities" SET "commitment" = CASE
  WHEN "time_commitment" ~* 'full[ -]?time' AND "time_commitment" ~* '\myear' THEN 'a-year'
  WHEN "time_commitment" ~* 'full[ -]?time' THEN 'a-summer'
  WHEN "kind" = 'shadowing' THEN 'a-day'
  WHEN "kind" = 'summer-experience' THEN 'a-summer'
  WHEN "kind" = 'scholarly-year' THEN 'a-year'
  ELSE 'hours-a-week'
END WHERE "commitment" IS NULL;
