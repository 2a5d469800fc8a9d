-- When the person asked to take a board slot was reminded (once, a week on); null until then.
ALTER TABLE "advising_board_assignments" ADD COLUMN "reminded_at" timestamp with time zone;
