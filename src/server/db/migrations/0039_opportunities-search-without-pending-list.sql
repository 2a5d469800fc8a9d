-- The board's full-text index without fastupdate: PGlite runs no autovacuum, so words added to the
-- pending list were never merged and every search scanned the table. Rebuilt rather than altered so
-- the entries already pending go into the index too.
DROP INDEX "opportunities_search_idx";--> statement-breakpoint
CREATE INDEX "opportunities_search_idx" ON "opportunities" USING gin ("search_document") WITH (fastupdate=false);
