import type { Database } from '#server/db/client.ts'
import type { Clock } from '../../clock.ts'
import type { AdvisingService } from '../advising/advising.service.ts'
import type { AuditService } from '../audit/audit.service.ts'
import type { IdentityService } from '../identity/identity.service.ts'
import type { NotificationsService } from '../notifications/notifications.service.ts'
import type { ProfilesService } from '../profiles/profiles.service.ts'
import type { RosterRepository } from './roster.repository.ts'

/** People are identity's and student records profiles': the roster writes both only through their services. */
export type RosterDeps = {
  db: Database
  repo: RosterRepository
  clock: Clock
  audit: AuditService
  identity: IdentityService
  profiles: ProfilesService
  /** Students' advisory deans from their houses (decision 030). */
  advising: Pick<AdvisingService, 'listAdvisors' | 'planHouseDeans' | 'applyHouseDeans'>
  /** The note to a graduating near-peer mentor's students (decision 030). */
  notifications: Pick<NotificationsService, 'enqueue'>
  appOrigin: string
}
