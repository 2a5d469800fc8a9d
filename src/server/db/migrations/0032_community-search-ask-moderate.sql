DROP INDEX "community_answers_search_idx";--> statement-breakpoint
DROP INDEX "community_questions_search_idx";--> statement-breakpoint
DROP INDEX "community_questions_board_idx";--> statement-breakpoint
ALTER TABLE "community_answers" ADD COLUMN "edited_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "community_moderation_actions" ADD COLUMN "previous_text" text;--> statement-breakpoint
ALTER TABLE "community_questions" ADD COLUMN "asked_mentor_id" uuid;--> statement-breakpoint
ALTER TABLE "community_questions" ADD COLUMN "edited_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "community_questions" ADD COLUMN "answers_search" "tsvector" DEFAULT ''::tsvector NOT NULL;--> statement-breakpoint
ALTER TABLE "community_questions" ADD CONSTRAINT "community_questions_asked_mentor_id_people_id_fk" FOREIGN KEY ("asked_mentor_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "community_questions_board_idx" ON "community_questions" USING btree ("board","last_activity_at") WHERE not "community_questions"."is_hidden";--> statement-breakpoint
-- A thread is found by any of its visible posts through one index on the question's row. The
-- answers' words are stripped of positions so a long thread never outgrows a tsvector (1 MB).
-- A new answer is appended (cheap, and the common case); an edit, a hide or unhide, a move or a
-- removal recomputes the thread's answers from what is visible.
CREATE OR REPLACE FUNCTION community_answers_search_of(question uuid) RETURNS tsvector AS $$
  SELECT coalesce(strip(to_tsvector('english', string_agg(body, ' '))), ''::tsvector)
  FROM community_answers WHERE question_id = question AND NOT is_hidden
$$ LANGUAGE sql STABLE;--> statement-breakpoint
CREATE OR REPLACE FUNCTION community_answers_keep_thread_search() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NOT NEW.is_hidden THEN
      UPDATE community_questions SET answers_search = answers_search || strip(NEW.search) WHERE id = NEW.question_id;
    END IF;
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.body IS NOT DISTINCT FROM OLD.body AND NEW.is_hidden IS NOT DISTINCT FROM OLD.is_hidden
     AND NEW.question_id IS NOT DISTINCT FROM OLD.question_id THEN
    RETURN NULL;
  END IF;
  UPDATE community_questions SET answers_search = community_answers_search_of(OLD.question_id) WHERE id = OLD.question_id;
  IF TG_OP = 'UPDATE' AND NEW.question_id IS DISTINCT FROM OLD.question_id THEN
    UPDATE community_questions SET answers_search = community_answers_search_of(NEW.question_id) WHERE id = NEW.question_id;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER community_answers_thread_search AFTER INSERT OR UPDATE OR DELETE ON community_answers
  FOR EACH ROW EXECUTE FUNCTION community_answers_keep_thread_search();--> statement-breakpoint
-- The answers' words can be a kilobyte or more per thread: kept out of line (TOAST) from 128 bytes,
-- so a board's page and its count read narrow rows, and only a search reads the words.
ALTER TABLE community_questions SET (toast_tuple_target = 128);--> statement-breakpoint
UPDATE community_questions SET answers_search = community_answers_search_of(id);--> statement-breakpoint
CREATE INDEX "community_questions_thread_search_idx" ON "community_questions" USING gin (("search" || "answers_search"));
