CREATE TABLE "retention_anonymised" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"run_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retention_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"ran_at" timestamp with time zone NOT NULL,
	"ran_by" uuid,
	"years" integer NOT NULL,
	"letters" text NOT NULL,
	"people" integer NOT NULL,
	"report" jsonb NOT NULL,
	CONSTRAINT "retention_runs_kind_check" CHECK ("retention_runs"."kind" in ('dry-run', 'apply', 'scheduled'))
);
--> statement-breakpoint
CREATE TABLE "retention_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"years" integer DEFAULT 6 NOT NULL,
	"letters" text DEFAULT 'remove-content' NOT NULL,
	"scheduled" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "retention_settings_one_row" CHECK ("retention_settings"."id" = 1),
	CONSTRAINT "retention_settings_years_check" CHECK ("retention_settings"."years" between 1 and 100),
	CONSTRAINT "retention_settings_letters_check" CHECK ("retention_settings"."letters" in ('remove-content', 'keep'))
);
--> statement-breakpoint
ALTER TABLE "retention_anonymised" ADD CONSTRAINT "retention_anonymised_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_anonymised" ADD CONSTRAINT "retention_anonymised_run_id_retention_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."retention_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_runs" ADD CONSTRAINT "retention_runs_ran_by_people_id_fk" FOREIGN KEY ("ran_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_settings" ADD CONSTRAINT "retention_settings_updated_by_people_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "retention_runs_ran_at_idx" ON "retention_runs" USING btree ("ran_at");