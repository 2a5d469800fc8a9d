import { hash } from '@node-rs/argon2'
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openPglite } from './client.ts'
import { demoSnapshotFolder, type DemoSnapshotInfo } from './demo-snapshot.ts'
import { DEMO_PASSWORD } from './seed/demo-accounts.ts'
import { insertReferenceData, seedDemoSchool } from './seed/seed-demo-school.ts'

/**
 * Makes dist/demo-snapshot: a migrated embedded database holding the demo school, exactly as a
 * first start would make it. Written to a temporary folder and renamed, so a server never
 * copies half a snapshot.
 */
async function makeDemoSnapshot(): Promise<void> {
  const started = performance.now()
  const target = demoSnapshotFolder()
  const temporary = `${target}.tmp-${process.pid}`
  rmSync(temporary, { recursive: true, force: true })
  mkdirSync(temporary, { recursive: true })
  const now = new Date()
  const handle = await openPglite(join(temporary, 'pglite'))
  try {
    await handle.migrate()
    await insertReferenceData(handle.db)
    const summary = await seedDemoSchool(handle.db, { now, demoPasswordHash: await hash(DEMO_PASSWORD) })
    const info: DemoSnapshotInfo = { createdAt: now.toISOString(), people: summary.people }
    await handle.close()
    writeFileSync(join(temporary, 'snapshot.json'), `${JSON.stringify(info, null, 2)}\n`)
    rmSync(target, { recursive: true, force: true })
    renameSync(temporary, target)
    console.log(`demo snapshot: ${summary.people} people, made in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  } catch (error) {
    await handle.close().catch(() => {})
    rmSync(temporary, { recursive: true, force: true })
    throw error
  }
}

await makeDemoSnapshot()
