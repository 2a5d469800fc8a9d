CREATE TABLE "record_amendments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"student_id" uuid NOT NULL,
	"record" text NOT NULL,
	"problem" text NOT NULL,
	"correction" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"reason" text,
	"statement" text,
	"statement_at" timestamp with time zone,
	CONSTRAINT "record_amendments_status_check" CHECK ("record_amendments"."status" in ('requested', 'amended', 'refused')),
	CONSTRAINT "record_amendments_statement_check" CHECK ("record_amendments"."statement" is null or "record_amendments"."status" = 'refused'),
	CONSTRAINT "record_amendments_decision_check" CHECK (("record_amendments"."status" = 'requested') = ("record_amendments"."decided_at" is null))
);
--> statement-breakpoint
ALTER TABLE "record_amendments" ADD CONSTRAINT "record_amendments_student_id_people_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_amendments" ADD CONSTRAINT "record_amendments_decided_by_id_people_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "record_amendments_student_idx" ON "record_amendments" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "record_amendments_status_idx" ON "record_amendments" USING btree ("status","requested_at");