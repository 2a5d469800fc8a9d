ALTER TABLE "class_simulations" ADD COLUMN "lease_owner" text;--> statement-breakpoint
ALTER TABLE "class_simulations" ADD COLUMN "lease_expires_at" timestamp with time zone;