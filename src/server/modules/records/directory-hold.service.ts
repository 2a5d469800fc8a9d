import type { Database } from '#server/db/client.ts'
import type { DirectoryHoldView } from '#shared/contracts/records.ts'
import { AppError } from '#shared/errors.ts'
import type { Clock } from '../../clock.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { AuditService } from '../audit/audit.service.ts'
import type { NotificationsService } from '../notifications/notifications.service.ts'
import { findLatestActionBy } from '../audit/entries-about.ts'
import { findDirectoryHold, writeDirectoryHold } from '../identity/directory-hold.ts'

export const HOLD_ON = 'records.directory-hold.on'
export const HOLD_OFF = 'records.directory-hold.off'

/**
 * A student's directory information opt-out (34 CFR §99.37). The flag is identity's
 * (`people.directory_hold`); every list other students and mentors see filters on it through
 * the module that builds the list. The change is audited, which also dates it.
 */
export function createDirectoryHoldService(deps: { db: Database; clock: Clock; audit: AuditService; notifications: NotificationsService }) {
  const { db, clock, audit, notifications } = deps

  async function view(personId: string): Promise<DirectoryHoldView> {
    const [hold, changedAt] = await Promise.all([findDirectoryHold(db, personId), findLatestActionBy(db, personId, [HOLD_ON, HOLD_OFF])])
    return { hold, changedAt: changedAt?.toISOString() ?? null }
  }

  return {
    getMyDirectoryHold: (actor: Actor) => view(actor.personId),

    async setMyDirectoryHold(actor: Actor, hold: boolean, meta: RequestMeta): Promise<DirectoryHoldView> {
      await db.transaction(async (tx) => {
        const found = await writeDirectoryHold(tx, actor.personId, hold, clock.now())
        if (!found) throw new AppError('NOT_FOUND', 'Your account no longer exists.')
        await audit.record({ actorId: actor.personId, action: hold ? HOLD_ON : HOLD_OFF, objectType: 'person', objectId: actor.personId }, meta, tx)
        // Notifications others received before the hold named the student; from now on nothing does.
        if (hold) await notifications.forgetNameInOthersNotifications(actor.personId, actor.name, tx)
      })
      return view(actor.personId)
    },
  }
}
