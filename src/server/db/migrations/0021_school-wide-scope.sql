ALTER TABLE "people" ADD COLUMN "school_wide_records" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_log_object_idx" ON "audit_log" USING btree ("object_id","id");