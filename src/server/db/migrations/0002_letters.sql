CREATE TABLE "letter_contents" (
	"request_id" uuid PRIMARY KEY NOT NULL,
	"bytes" "bytea" NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"uploaded_by" uuid
);
--> statement-breakpoint
CREATE TABLE "letter_packet_documents" (
	"request_id" uuid NOT NULL,
	"document" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"size_bytes" integer NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	CONSTRAINT "letter_packet_documents_request_id_document_pk" PRIMARY KEY("request_id","document")
);
--> statement-breakpoint
CREATE TABLE "letter_reminders" (
	"request_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "letter_reminders_request_id_kind_pk" PRIMARY KEY("request_id","kind")
);
--> statement-breakpoint
CREATE TABLE "letter_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"student_id" uuid NOT NULL,
	"writer_person_id" uuid,
	"writer_name" text,
	"writer_email" text,
	"purpose" text NOT NULL,
	"specialty_id" text,
	"program_name" text,
	"letter_type" text NOT NULL,
	"due_date" date NOT NULL,
	"eras_letter_id" text,
	"talking_points" text DEFAULT '' NOT NULL,
	"waived_right_of_access" boolean DEFAULT false NOT NULL,
	"waiver_recorded_at" timestamp with time zone NOT NULL,
	"waiver_recorded_by" uuid NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"status_changed_at" timestamp with time zone NOT NULL,
	"writer_message" text,
	"created_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"delivered_by" uuid,
	"thanked_at" timestamp with time zone,
	"last_nudged_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "letter_upload_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	CONSTRAINT "letter_upload_links_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "letter_waiver_revocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"student_id" uuid NOT NULL,
	"statement" text NOT NULL,
	"revoked_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "hash" text;--> statement-breakpoint
ALTER TABLE "letter_contents" ADD CONSTRAINT "letter_contents_request_id_letter_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."letter_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_packet_documents" ADD CONSTRAINT "letter_packet_documents_request_id_letter_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."letter_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_reminders" ADD CONSTRAINT "letter_reminders_request_id_letter_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."letter_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_requests" ADD CONSTRAINT "letter_requests_student_id_people_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_requests" ADD CONSTRAINT "letter_requests_writer_person_id_people_id_fk" FOREIGN KEY ("writer_person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_requests" ADD CONSTRAINT "letter_requests_specialty_id_specialties_id_fk" FOREIGN KEY ("specialty_id") REFERENCES "public"."specialties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_upload_links" ADD CONSTRAINT "letter_upload_links_request_id_letter_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."letter_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_waiver_revocations" ADD CONSTRAINT "letter_waiver_revocations_student_id_people_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "letter_requests_student_idx" ON "letter_requests" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "letter_requests_writer_idx" ON "letter_requests" USING btree ("writer_person_id");--> statement-breakpoint
CREATE INDEX "letter_requests_status_due_idx" ON "letter_requests" USING btree ("status","due_date");--> statement-breakpoint
CREATE INDEX "letter_upload_links_request_idx" ON "letter_upload_links" USING btree ("request_id");--> statement-breakpoint
CREATE INDEX "letter_waiver_revocations_student_idx" ON "letter_waiver_revocations" USING btree ("student_id");