CREATE TABLE "sso_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"protocol" text NOT NULL,
	"state" text,
	"nonce" text,
	"code_verifier" text,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sso_seen_assertions" (
	"id" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "sso_requests_expires_idx" ON "sso_requests" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "sso_seen_assertions_expires_idx" ON "sso_seen_assertions" USING btree ("expires_at");