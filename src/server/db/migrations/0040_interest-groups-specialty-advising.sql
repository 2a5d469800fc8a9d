CREATE TABLE "interest_group_announcements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"author_id" uuid,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"recipient_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interest_group_events" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"group_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interest_group_members" (
	"group_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"role" text NOT NULL,
	"joined_at" timestamp with time zone NOT NULL,
	CONSTRAINT "interest_group_members_group_id_person_id_pk" PRIMARY KEY("group_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "interest_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"specialty_id" text,
	"description" text DEFAULT '' NOT NULL,
	"faculty_advisor_id" uuid,
	"created_by_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "department_advising" (
	"department_id" text PRIMARY KEY NOT NULL,
	"specialty_advisor_id" uuid,
	"chair_id" uuid,
	"chair_availability" text DEFAULT '' NOT NULL,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "specialty_ids" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "interest_group_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL;--> statement-breakpoint
ALTER TABLE "interest_group_announcements" ADD CONSTRAINT "interest_group_announcements_group_id_interest_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."interest_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interest_group_announcements" ADD CONSTRAINT "interest_group_announcements_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interest_group_events" ADD CONSTRAINT "interest_group_events_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interest_group_events" ADD CONSTRAINT "interest_group_events_group_id_interest_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."interest_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interest_group_members" ADD CONSTRAINT "interest_group_members_group_id_interest_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."interest_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interest_group_members" ADD CONSTRAINT "interest_group_members_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interest_groups" ADD CONSTRAINT "interest_groups_specialty_id_specialties_id_fk" FOREIGN KEY ("specialty_id") REFERENCES "public"."specialties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interest_groups" ADD CONSTRAINT "interest_groups_faculty_advisor_id_people_id_fk" FOREIGN KEY ("faculty_advisor_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interest_groups" ADD CONSTRAINT "interest_groups_created_by_id_people_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "department_advising" ADD CONSTRAINT "department_advising_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "department_advising" ADD CONSTRAINT "department_advising_specialty_advisor_id_people_id_fk" FOREIGN KEY ("specialty_advisor_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "department_advising" ADD CONSTRAINT "department_advising_chair_id_people_id_fk" FOREIGN KEY ("chair_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "department_advising" ADD CONSTRAINT "department_advising_updated_by_id_people_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "interest_group_announcements_group_idx" ON "interest_group_announcements" USING btree ("group_id","created_at");--> statement-breakpoint
CREATE INDEX "interest_group_members_person_idx" ON "interest_group_members" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "interest_groups_specialty_idx" ON "interest_groups" USING btree ("specialty_id");