ALTER TABLE "advising_board_assignments" ADD COLUMN "agreed_at" timestamp with time zone;--> statement-breakpoint
-- Assignments made before the agreement step were told, not asked: they count as agreed.
UPDATE "advising_board_assignments" SET "agreed_at" = "assigned_at";
