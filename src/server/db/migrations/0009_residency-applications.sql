CREATE TABLE "application_profiles" (
	"student_id" uuid PRIMARY KEY NOT NULL,
	"applicant_type" text DEFAULT 'us-md' NOT NULL,
	"step2" integer,
	"step1" text,
	"research_items" integer DEFAULT 0 NOT NULL,
	"alpha_omega_alpha" boolean DEFAULT false NOT NULL,
	"gold_humanism" boolean DEFAULT false NOT NULL,
	"clerkship_honors" integer DEFAULT 0 NOT NULL,
	"experiences" integer DEFAULT 0 NOT NULL,
	"away_rotation_program_ids" text[] DEFAULT '{}' NOT NULL,
	"preferred_specialty_id" text,
	"backup_specialty_id" text,
	"preferred_states" text[] DEFAULT '{}' NOT NULL,
	"preferred_regions" text[] DEFAULT '{}' NOT NULL,
	"tie_states" text[] DEFAULT '{}' NOT NULL,
	"tie_regions" text[] DEFAULT '{}' NOT NULL,
	"setting_preferences" text[] DEFAULT '{}' NOT NULL,
	"needs_visa" boolean DEFAULT false NOT NULL,
	"signals_available" integer DEFAULT 0 NOT NULL,
	"target_chance" real DEFAULT 0.9 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "class_simulations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"runs" integer NOT NULL,
	"completed_runs" integer DEFAULT 0 NOT NULL,
	"seed" integer NOT NULL,
	"params" jsonb NOT NULL,
	"result" jsonb,
	"error" text,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rank_list_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"student_id" uuid NOT NULL,
	"author_id" uuid,
	"list_version" integer NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rank_list_couples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"requested_by" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rank_list_entries" (
	"student_id" uuid NOT NULL,
	"list_key" text NOT NULL,
	"rank" integer NOT NULL,
	"program_id" text,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "rank_list_entries_student_id_list_key_rank_pk" PRIMARY KEY("student_id","list_key","rank"),
	CONSTRAINT "rank_list_entries_rank_check" CHECK ("rank_list_entries"."rank" >= 1)
);
--> statement-breakpoint
CREATE TABLE "rank_lists" (
	"student_id" uuid PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"signed_off_by" uuid,
	"signed_off_at" timestamp with time zone,
	"signed_off_version" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "student_program_lists" (
	"student_id" uuid NOT NULL,
	"program_id" text NOT NULL,
	"status" text DEFAULT 'considering' NOT NULL,
	"signalled" boolean DEFAULT false NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "student_program_lists_student_id_program_id_pk" PRIMARY KEY("student_id","program_id")
);
--> statement-breakpoint
ALTER TABLE "application_profiles" ADD CONSTRAINT "application_profiles_student_id_people_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_profiles" ADD CONSTRAINT "application_profiles_preferred_specialty_id_specialties_id_fk" FOREIGN KEY ("preferred_specialty_id") REFERENCES "public"."specialties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_profiles" ADD CONSTRAINT "application_profiles_backup_specialty_id_specialties_id_fk" FOREIGN KEY ("backup_specialty_id") REFERENCES "public"."specialties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "class_simulations" ADD CONSTRAINT "class_simulations_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rank_list_comments" ADD CONSTRAINT "rank_list_comments_student_id_people_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rank_list_comments" ADD CONSTRAINT "rank_list_comments_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rank_list_couples" ADD CONSTRAINT "rank_list_couples_requested_by_people_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rank_list_couples" ADD CONSTRAINT "rank_list_couples_partner_id_people_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rank_list_entries" ADD CONSTRAINT "rank_list_entries_student_id_people_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rank_list_entries" ADD CONSTRAINT "rank_list_entries_program_id_residency_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."residency_programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rank_lists" ADD CONSTRAINT "rank_lists_student_id_people_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rank_lists" ADD CONSTRAINT "rank_lists_signed_off_by_people_id_fk" FOREIGN KEY ("signed_off_by") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_program_lists" ADD CONSTRAINT "student_program_lists_student_id_people_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_program_lists" ADD CONSTRAINT "student_program_lists_program_id_residency_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."residency_programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "class_simulations_created_idx" ON "class_simulations" USING btree ("created_by","created_at");--> statement-breakpoint
CREATE INDEX "rank_list_comments_student_idx" ON "rank_list_comments" USING btree ("student_id","created_at");--> statement-breakpoint
CREATE INDEX "rank_list_couples_requested_idx" ON "rank_list_couples" USING btree ("requested_by");--> statement-breakpoint
CREATE INDEX "rank_list_couples_partner_idx" ON "rank_list_couples" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "student_program_lists_program_idx" ON "student_program_lists" USING btree ("program_id");