CREATE TABLE "directory_entries" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"listed" boolean DEFAULT false NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"document" "tsvector" NOT NULL,
	"revision" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "directory_entries_document_idx" ON "directory_entries" USING gin ("document");--> statement-breakpoint
CREATE INDEX "directory_entries_name_trgm_idx" ON "directory_entries" USING gist ("name" gist_trgm_ops) WHERE listed;--> statement-breakpoint
CREATE INDEX "directory_entries_revision_idx" ON "directory_entries" USING btree ("revision");--> statement-breakpoint
-- The directory's search documents follow the tables they are made from (triggers below), so
-- the seed, imports and profile edits need no extra step. Statement-level triggers with
-- transition tables keep bulk inserts set-based: one refresh per statement, not per row.
CREATE SEQUENCE IF NOT EXISTS directory_entries_revision_seq;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION directory_refresh(ids uuid[]) RETURNS void AS $$
  INSERT INTO directory_entries AS d (person_id, listed, name, document, revision)
  SELECT i.id,
         coalesce(p.status = 'active' AND NOT p.directory_hold AND m.person_id IS NOT NULL
                  AND EXISTS (SELECT 1 FROM person_roles r WHERE r.person_id = i.id AND r.role = 'mentor'), false),
         coalesce(p.name, ''),
         CASE WHEN m.person_id IS NULL THEN ''::tsvector ELSE
           setweight(to_tsvector('english', coalesce(p.name, '')), 'A')
           || setweight(to_tsvector('english', coalesce(s.name, '') || ' ' || coalesce(dep.name, '') || ' ' || m.subspecialty), 'B')
           || setweight(to_tsvector('english', m.research_interests), 'C')
           || setweight(to_tsvector('english', m.bio), 'D')
         END,
         nextval('directory_entries_revision_seq')
  FROM (SELECT DISTINCT unnest(ids) AS id) i
  LEFT JOIN people p ON p.id = i.id
  LEFT JOIN mentor_profiles m ON m.person_id = i.id
  LEFT JOIN specialties s ON s.id = m.specialty_id
  LEFT JOIN departments dep ON dep.id = m.department_id
  WHERE m.person_id IS NOT NULL OR EXISTS (SELECT 1 FROM directory_entries e WHERE e.person_id = i.id)
  ON CONFLICT (person_id) DO UPDATE
    SET listed = excluded.listed, name = excluded.name, document = excluded.document, revision = excluded.revision
$$ LANGUAGE sql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION directory_entries_sync() RETURNS trigger AS $$
DECLARE
  changed uuid[];
BEGIN
  IF TG_TABLE_NAME = 'people' THEN
    IF TG_OP = 'UPDATE' THEN
      -- Sign-ins and other bookkeeping do not touch the directory.
      SELECT array_agg(n.id) INTO changed FROM new_rows n JOIN old_rows o ON o.id = n.id
       WHERE (n.name, n.pronouns, n.status, n.directory_hold, n.photo_type)
             IS DISTINCT FROM (o.name, o.pronouns, o.status, o.directory_hold, o.photo_type);
    ELSIF TG_OP = 'DELETE' THEN
      SELECT array_agg(id) INTO changed FROM old_rows;
    END IF;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(person_id) INTO changed FROM old_rows;
  ELSE
    SELECT array_agg(person_id) INTO changed FROM new_rows;
  END IF;
  IF changed IS NOT NULL THEN
    PERFORM directory_refresh(changed);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER directory_people_update AFTER UPDATE ON people REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION directory_entries_sync();
--> statement-breakpoint
CREATE TRIGGER directory_people_delete AFTER DELETE ON people REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION directory_entries_sync();
--> statement-breakpoint
CREATE TRIGGER directory_roles_insert AFTER INSERT ON person_roles REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION directory_entries_sync();
--> statement-breakpoint
CREATE TRIGGER directory_roles_update AFTER UPDATE ON person_roles REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION directory_entries_sync();
--> statement-breakpoint
CREATE TRIGGER directory_roles_delete AFTER DELETE ON person_roles REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION directory_entries_sync();
--> statement-breakpoint
CREATE TRIGGER directory_mentor_profiles_insert AFTER INSERT ON mentor_profiles REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION directory_entries_sync();
--> statement-breakpoint
CREATE TRIGGER directory_mentor_profiles_update AFTER UPDATE ON mentor_profiles REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION directory_entries_sync();
--> statement-breakpoint
CREATE TRIGGER directory_mentor_profiles_delete AFTER DELETE ON mentor_profiles REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION directory_entries_sync();
--> statement-breakpoint
-- Mentors already in the database (a demo school loaded before this migration).
SELECT directory_refresh(array(SELECT person_id FROM mentor_profiles));
