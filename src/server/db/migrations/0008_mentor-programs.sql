CREATE TABLE "mentor_program_conflicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"mentor_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentor_program_continuations" (
	"program_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"mentor_id" uuid NOT NULL,
	"student_opted_at" timestamp with time zone,
	"mentor_opted_at" timestamp with time zone,
	CONSTRAINT "mentor_program_continuations_program_id_student_id_mentor_id_pk" PRIMARY KEY("program_id","student_id","mentor_id")
);
--> statement-breakpoint
CREATE TABLE "mentor_program_mentors" (
	"program_id" uuid NOT NULL,
	"mentor_id" uuid NOT NULL,
	"capacity" integer,
	CONSTRAINT "mentor_program_mentors_program_id_mentor_id_pk" PRIMARY KEY("program_id","mentor_id")
);
--> statement-breakpoint
CREATE TABLE "mentor_program_pairs" (
	"program_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"mentor_id" uuid,
	"fit" double precision,
	"reasons" text[] DEFAULT '{}' NOT NULL,
	"source" text NOT NULL,
	"edited_by" uuid,
	"edited_at" timestamp with time zone,
	"edit_reason" text,
	"mentorship_id" uuid,
	CONSTRAINT "mentor_program_pairs_program_id_student_id_pk" PRIMARY KEY("program_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "mentor_program_rankings" (
	"program_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"mentor_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	CONSTRAINT "mentor_program_rankings_program_id_student_id_mentor_id_pk" PRIMARY KEY("program_id","student_id","mentor_id")
);
--> statement-breakpoint
CREATE TABLE "mentor_program_students" (
	"program_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "mentor_program_students_program_id_student_id_pk" PRIMARY KEY("program_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "mentor_programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"class_years" text[] DEFAULT '{}' NOT NULL,
	"pairing_method" text NOT NULL,
	"max_per_mentor" integer NOT NULL,
	"ranking_deadline" timestamp with time zone,
	"keep_from_program_id" uuid,
	"status" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"paired_at" timestamp with time zone,
	"paired_by" uuid,
	"paired_total_fit" double precision,
	"paired_upper_bound" double precision,
	"published_at" timestamp with time zone,
	"published_by" uuid
);
--> statement-breakpoint
ALTER TABLE "mentor_program_conflicts" ADD CONSTRAINT "mentor_program_conflicts_program_id_mentor_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."mentor_programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_program_conflicts" ADD CONSTRAINT "mentor_program_conflicts_student_id_people_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_program_conflicts" ADD CONSTRAINT "mentor_program_conflicts_mentor_id_people_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_program_continuations" ADD CONSTRAINT "mentor_program_continuations_program_id_mentor_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."mentor_programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_program_continuations" ADD CONSTRAINT "mentor_program_continuations_student_id_people_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_program_continuations" ADD CONSTRAINT "mentor_program_continuations_mentor_id_people_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_program_mentors" ADD CONSTRAINT "mentor_program_mentors_program_id_mentor_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."mentor_programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_program_mentors" ADD CONSTRAINT "mentor_program_mentors_mentor_id_people_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_program_pairs" ADD CONSTRAINT "mentor_program_pairs_program_id_mentor_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."mentor_programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_program_pairs" ADD CONSTRAINT "mentor_program_pairs_student_id_people_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_program_pairs" ADD CONSTRAINT "mentor_program_pairs_mentor_id_people_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_program_pairs" ADD CONSTRAINT "mentor_program_pairs_mentorship_id_mentorships_id_fk" FOREIGN KEY ("mentorship_id") REFERENCES "public"."mentorships"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_program_rankings" ADD CONSTRAINT "mentor_program_rankings_program_id_mentor_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."mentor_programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_program_rankings" ADD CONSTRAINT "mentor_program_rankings_student_id_people_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_program_rankings" ADD CONSTRAINT "mentor_program_rankings_mentor_id_people_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_program_students" ADD CONSTRAINT "mentor_program_students_program_id_mentor_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."mentor_programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_program_students" ADD CONSTRAINT "mentor_program_students_student_id_people_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentor_programs" ADD CONSTRAINT "mentor_programs_keep_from_program_id_mentor_programs_id_fk" FOREIGN KEY ("keep_from_program_id") REFERENCES "public"."mentor_programs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "mentor_program_conflicts_pair_idx" ON "mentor_program_conflicts" USING btree ("program_id","student_id","mentor_id");--> statement-breakpoint
CREATE INDEX "mentor_program_mentors_mentor_idx" ON "mentor_program_mentors" USING btree ("mentor_id");--> statement-breakpoint
CREATE INDEX "mentor_program_pairs_mentor_idx" ON "mentor_program_pairs" USING btree ("mentor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mentor_program_rankings_rank_idx" ON "mentor_program_rankings" USING btree ("program_id","student_id","rank");--> statement-breakpoint
CREATE INDEX "mentor_program_students_student_idx" ON "mentor_program_students" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "mentor_programs_status_idx" ON "mentor_programs" USING btree ("status");