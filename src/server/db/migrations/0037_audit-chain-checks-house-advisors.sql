CREATE TABLE "audit_chain_checks" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_chain_checks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"checked_at" timestamp with time zone NOT NULL,
	"intact" boolean NOT NULL,
	"rows_checked" integer NOT NULL,
	"legacy_rows" integer NOT NULL,
	"break_row_id" bigint,
	"break_reason" text,
	"newest_row_id" bigint,
	"newest_hash" text,
	"duration_ms" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "house_advisors" (
	"house" text PRIMARY KEY NOT NULL,
	"advisor_id" uuid NOT NULL,
	"set_at" timestamp with time zone NOT NULL,
	"set_by_id" uuid
);
--> statement-breakpoint
ALTER TABLE "student_advisors" ADD COLUMN "via_house" text;--> statement-breakpoint
ALTER TABLE "house_advisors" ADD CONSTRAINT "house_advisors_advisor_id_people_id_fk" FOREIGN KEY ("advisor_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "house_advisors" ADD CONSTRAINT "house_advisors_set_by_id_people_id_fk" FOREIGN KEY ("set_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_chain_checks_checked_idx" ON "audit_chain_checks" USING btree ("checked_at");