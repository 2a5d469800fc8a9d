CREATE TABLE "opportunity_application_documents" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"student_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"document_kind" text NOT NULL,
	"document_title" text NOT NULL,
	"version_number" integer NOT NULL,
	"attached_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "opportunity_application_documents" ADD CONSTRAINT "opportunity_application_documents_application_id_opportunity_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."opportunity_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_application_documents" ADD CONSTRAINT "opportunity_application_documents_student_id_people_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunity_application_documents" ADD CONSTRAINT "opportunity_application_documents_version_id_material_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."material_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "opportunity_application_documents_student_idx" ON "opportunity_application_documents" USING btree ("student_id");