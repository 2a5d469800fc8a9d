CREATE TABLE "material_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"student_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"target" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "material_replies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"thread_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "material_review_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"question" text NOT NULL,
	"due_date" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "material_threads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"start" integer NOT NULL,
	"end" integer NOT NULL,
	"quote" text NOT NULL,
	"body" text NOT NULL,
	"suggestion" text,
	"suggestion_state" text,
	"accepted_into_version_id" uuid,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "material_threads_range" CHECK ("material_threads"."start" >= 0 and "material_threads"."end" > "material_threads"."start"),
	CONSTRAINT "material_threads_suggestion_state" CHECK (("material_threads"."suggestion" is null) = ("material_threads"."suggestion_state" is null))
);
--> statement-breakpoint
CREATE TABLE "material_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"document_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"body" text NOT NULL,
	"characters" integer NOT NULL,
	"note" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "material_versions_number_positive" CHECK ("material_versions"."number" > 0)
);
--> statement-breakpoint
ALTER TABLE "material_documents" ADD CONSTRAINT "material_documents_student_id_people_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_replies" ADD CONSTRAINT "material_replies_thread_id_material_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."material_threads"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_replies" ADD CONSTRAINT "material_replies_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_review_requests" ADD CONSTRAINT "material_review_requests_version_id_material_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."material_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_review_requests" ADD CONSTRAINT "material_review_requests_reviewer_id_people_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_threads" ADD CONSTRAINT "material_threads_version_id_material_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."material_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_threads" ADD CONSTRAINT "material_threads_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_threads" ADD CONSTRAINT "material_threads_accepted_into_version_id_material_versions_id_fk" FOREIGN KEY ("accepted_into_version_id") REFERENCES "public"."material_versions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_versions" ADD CONSTRAINT "material_versions_document_id_material_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."material_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "material_documents_student_idx" ON "material_documents" USING btree ("student_id","updated_at");--> statement-breakpoint
CREATE INDEX "material_replies_thread_idx" ON "material_replies" USING btree ("thread_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "material_review_requests_version_reviewer_idx" ON "material_review_requests" USING btree ("version_id","reviewer_id");--> statement-breakpoint
CREATE INDEX "material_review_requests_reviewer_idx" ON "material_review_requests" USING btree ("reviewer_id","due_date");--> statement-breakpoint
CREATE INDEX "material_threads_version_idx" ON "material_threads" USING btree ("version_id");--> statement-breakpoint
CREATE UNIQUE INDEX "material_versions_number_idx" ON "material_versions" USING btree ("document_id","number");--> statement-breakpoint
-- A saved version is never changed: an edit or accepted suggestions add the next version.
CREATE OR REPLACE FUNCTION material_versions_refuse_update() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'material_versions are immutable: save a new version instead';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER material_versions_immutable BEFORE UPDATE ON material_versions
  FOR EACH ROW EXECUTE FUNCTION material_versions_refuse_update();
