import { sql } from 'drizzle-orm'
import type { Database } from './client.ts'

/**
 * PGlite runs PostgreSQL as one standalone backend, and the autovacuum daemon never starts there.
 * On the embedded database nothing would reclaim the row versions that updates and deletes leave
 * behind, nor refresh the planner's statistics: a table updated often (sessions, community
 * threads, the outbox) would keep growing and its scans slow down. So the server does what
 * autovacuum would, over the whole database: shortly after start, then every few hours. On
 * PostgreSQL the server's own autovacuum does it.
 */
export const EMBEDDED_VACUUM_HOURS = 6

/** VACUUM (ANALYZE) of every table; the single embedded connection waits for it (well under a second for a school's data). */
export async function vacuumEmbedded(db: Database): Promise<void> {
  await db.execute(sql`vacuum (analyze)`)
}
