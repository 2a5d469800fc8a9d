import type { Database } from '#server/db/client.ts'
import type { EventInput, EventSummary, EventView } from '#shared/contracts/events.ts'
import type {
  AnnouncementInput,
  InterestGroupInput,
  InterestGroupList,
  InterestGroupMember,
  InterestGroupSummary,
  InterestGroupView,
} from '#shared/contracts/interest-groups.ts'
import type { InterestGroupRole } from '#shared/enums.ts'
import { AppError } from '#shared/errors.ts'
import { findSpecialty } from '#shared/reference/specialties.ts'
import type { Clock } from '../../clock.ts'
import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { AuditService } from '../audit/audit.service.ts'
import type { EventsService } from '../events/events.service.ts'
import { listHeldPersonIds } from '../identity/directory-hold.ts'
import { listPeopleByEmails, listPeopleByIds } from '../identity/people-reads.ts'
import type { NotificationsService } from '../notifications/notifications.service.ts'
import { listStudentFactsByIds } from '../profiles/profile-reads.ts'
import { announcementEmail } from './interest-groups-emails.ts'
import { canCreateGroups, canManageGroup, canSeeHeldMember } from './interest-groups.policy.ts'
import type { GroupRow, InterestGroupsRepository, MemberRow } from './interest-groups.repository.ts'

export type InterestGroupsDeps = {
  db: Database
  repo: InterestGroupsRepository
  clock: Clock
  audit: AuditService
  notifications: NotificationsService
  events: EventsService
  appOrigin: string
}

const NOT_FOUND = 'No such interest group.'
const NOT_YOURS = 'Only the group’s leaders and the office run this group.'

/**
 * Student-run interest groups: the office creates a group and names its leaders and faculty
 * advisor; students join and leave; leaders (and the office) write announcements, e-mailed to
 * every member, and run the group's events through the events service. A leader runs their own
 * group only. Members on a directory hold are listed to the office and to themselves only.
 */
export function createInterestGroupsService(deps: InterestGroupsDeps) {
  const { db, repo, clock, audit, notifications, events, appOrigin } = deps
  const groupLink = (id: string) => `${appOrigin}/interest-groups/${id}`

  async function getGroupRow(id: string): Promise<GroupRow> {
    const group = await repo.findGroupById(id)
    if (!group) throw new AppError('NOT_FOUND', NOT_FOUND)
    return group
  }

  /** The group, when the caller runs it; otherwise 403 (the group itself is no secret). */
  async function managedGroup(actor: Actor, id: string): Promise<GroupRow> {
    const group = await getGroupRow(id)
    const mine = await repo.findMembership(id, actor.personId)
    if (!canManageGroup(actor, mine?.role ?? null)) throw new AppError('FORBIDDEN', NOT_YOURS)
    return group
  }

  /** Names for people, and who of them the caller may not see listed (a directory hold). */
  async function peopleFor(actor: Actor, ids: readonly string[]) {
    const [people, held] = await Promise.all([listPeopleByIds(db, ids), listHeldPersonIds(db, ids)])
    const byId = new Map(people.map((p) => [p.id, p]))
    const hidden = (id: string) => held.has(id) && !canSeeHeldMember(actor, id)
    return { byId, hidden }
  }

  async function summaries(actor: Actor, groups: GroupRow[]): Promise<InterestGroupSummary[]> {
    const ids = groups.map((g) => g.id)
    const [members, counts] = await Promise.all([repo.listMembers(ids), repo.countMembers(ids)])
    const leaders = members.filter((m) => m.role === 'leader')
    const advisorIds = groups.flatMap((g) => (g.facultyAdvisorId ? [g.facultyAdvisorId] : []))
    const { byId, hidden } = await peopleFor(actor, [...leaders.map((l) => l.personId), ...advisorIds])
    return groups.map((g) => {
      const myRole = members.find((m) => m.groupId === g.id && m.personId === actor.personId)?.role ?? null
      const advisor = g.facultyAdvisorId ? byId.get(g.facultyAdvisorId) : undefined
      return {
        id: g.id,
        name: g.name,
        specialtyId: g.specialtyId,
        specialtyName: g.specialtyId ? (findSpecialty(g.specialtyId)?.name ?? null) : null,
        description: g.description,
        memberCount: counts.get(g.id) ?? 0,
        leaders: leaders
          .filter((l) => l.groupId === g.id && !hidden(l.personId))
          .flatMap((l) => {
            const person = byId.get(l.personId)
            return person ? [{ id: person.id, name: person.name }] : []
          }),
        facultyAdvisor: advisor ? { id: advisor.id, name: advisor.name } : null,
        myRole,
        canManage: canManageGroup(actor, myRole),
      }
    })
  }

  /** The group's events the caller may see (the events service decides), upcoming and past. */
  async function groupEvents(actor: Actor, groupId: string): Promise<{ upcoming: EventSummary[]; past: EventSummary[] }> {
    const ids = new Set((await repo.listEventIds([groupId])).map((r) => r.eventId))
    if (ids.size === 0) return { upcoming: [], past: [] }
    const list = await events.listEvents(actor)
    return { upcoming: list.upcoming.filter((e) => ids.has(e.id)), past: list.past.filter((e) => ids.has(e.id)).slice(0, 10) }
  }

  /** Resolves the office's e-mails to people with the role each place needs, or a 400 naming the field. */
  async function resolvePeople(input: InterestGroupInput): Promise<{ leaderIds: string[]; facultyAdvisorId: string | null }> {
    const emails = [...new Set(input.leaderEmails)]
    const wanted = [...emails, ...(input.facultyAdvisorEmail ? [input.facultyAdvisorEmail] : [])]
    const found = new Map((await listPeopleByEmails(db, wanted)).map((p) => [p.email.toLowerCase(), p]))
    const fields: Record<string, string> = {}
    const leaderIds: string[] = []
    for (const email of emails) {
      const person = found.get(email.toLowerCase())
      if (person?.status !== 'active' || !person.roles.includes('student')) {
        fields.leaderEmails = `No current student has the address ${email}. Leaders are students of the school.`
        break
      }
      leaderIds.push(person.id)
    }
    let facultyAdvisorId: string | null = null
    if (input.facultyAdvisorEmail) {
      const person = found.get(input.facultyAdvisorEmail.toLowerCase())
      if (person?.status !== 'active' || !(person.roles.includes('mentor') || person.roles.includes('advisor')))
        fields.facultyAdvisorEmail = `No faculty mentor or advisor has the address ${input.facultyAdvisorEmail}.`
      else facultyAdvisorId = person.id
    }
    if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', 'Some of the people named could not be found.', fields)
    return { leaderIds, facultyAdvisorId }
  }

  async function getGroup(actor: Actor, id: string): Promise<InterestGroupView> {
    const group = await getGroupRow(id)
    const [[summary], members, announcements, list] = await Promise.all([
      summaries(actor, [group]),
      repo.listMembers([id]),
      repo.listAnnouncements(id),
      groupEvents(actor, id),
    ])
    if (!summary) throw new AppError('NOT_FOUND', NOT_FOUND)
    const authorIds = announcements.flatMap((a) => (a.authorId ? [a.authorId] : []))
    const { byId, hidden } = await peopleFor(actor, [...members.map((m) => m.personId), ...authorIds])
    const facts = new Map(
      (
        await listStudentFactsByIds(
          db,
          members.map((m) => m.personId),
        )
      ).map((f) => [f.personId, f]),
    )
    const listed: InterestGroupMember[] = []
    let privateMemberCount = 0
    // Leaders first, then members in the order they joined.
    for (const m of [...members.filter((x) => x.role === 'leader'), ...members.filter((x) => x.role === 'member')]) {
      const person = byId.get(m.personId)
      if (!person) continue
      if (hidden(m.personId)) {
        privateMemberCount++
        continue
      }
      listed.push({ id: person.id, name: person.name, classYear: facts.get(person.id)?.classYear ?? null, role: m.role })
    }
    const runs = summary.canManage
    const advisor = group.facultyAdvisorId ? byId.get(group.facultyAdvisorId) : undefined
    const advisorEmail = advisor?.email ?? (group.facultyAdvisorId ? ((await listPeopleByIds(db, [group.facultyAdvisorId]))[0]?.email ?? null) : null)
    return {
      ...summary,
      members: listed,
      privateMemberCount,
      announcements: announcements.map((a) => ({
        id: a.id,
        subject: a.subject,
        body: a.body,
        // An author on a hold is not named to other students: the group wrote it.
        authorName: a.authorId && !hidden(a.authorId) ? (byId.get(a.authorId)?.name ?? group.name) : `${group.name} leaders`,
        createdAt: a.createdAt.toISOString(),
        recipientCount: a.recipientCount,
      })),
      upcomingEvents: list.upcoming,
      pastEvents: list.past,
      leaderEmails: runs && canCreateGroups(actor) ? members.filter((m) => m.role === 'leader').flatMap((m) => byId.get(m.personId)?.email ?? []) : null,
      facultyAdvisorEmail: runs && canCreateGroups(actor) ? advisorEmail : null,
    }
  }

  /** An event of this group, for its managers; 404 when the event is not the group's. */
  async function assertGroupEvent(groupId: string, eventId: string) {
    if ((await repo.findGroupIdOfEvent(eventId)) !== groupId) throw new AppError('NOT_FOUND', 'No such event in this group.')
  }

  return {
    getGroup,

    async listGroups(actor: Actor): Promise<InterestGroupList> {
      return { groups: await summaries(actor, await repo.listGroups()), canCreate: canCreateGroups(actor) }
    },

    /** A specialty's groups, for its page. */
    async listGroupsOfSpecialty(actor: Actor, specialtyId: string): Promise<InterestGroupSummary[]> {
      return summaries(actor, await repo.listGroups(specialtyId))
    },

    /** The ids of the events of these groups (a specialty's page lists its groups' events). */
    async listEventIdsOfGroups(groupIds: readonly string[]): Promise<Set<string>> {
      return new Set((await repo.listEventIds(groupIds)).map((r) => r.eventId))
    },

    /** The events the caller runs as a group leader: the events service lets them see these and their attendees. */
    async listManagedEventIds(actor: Actor): Promise<Set<string>> {
      if (!actor.roles.includes('student')) return new Set()
      const led = (await repo.listMembershipsOf(actor.personId)).filter((m) => m.role === 'leader').map((m) => m.groupId)
      return new Set((await repo.listEventIds(led)).map((r) => r.eventId))
    },

    /** A student's own groups, for their records export. */
    async listMyMemberships(actor: Actor): Promise<{ group: string; role: InterestGroupRole; joinedAt: string }[]> {
      const mine = await repo.listMembershipsOf(actor.personId)
      const groups = await Promise.all(mine.map((m) => repo.findGroupById(m.groupId)))
      return mine.map((m, i) => ({ group: groups[i]?.name ?? 'A former group', role: m.role, joinedAt: m.joinedAt.toISOString() }))
    },

    async createGroup(actor: Actor, input: InterestGroupInput, meta: RequestMeta): Promise<InterestGroupView> {
      const { leaderIds, facultyAdvisorId } = await resolvePeople(input)
      const now = clock.now()
      const group = await db.transaction(async (tx) => {
        const row = await repo.insertGroup(
          {
            name: input.name,
            specialtyId: input.specialtyId,
            description: input.description,
            facultyAdvisorId,
            createdById: actor.personId,
            createdAt: now,
            updatedAt: now,
          },
          tx,
        )
        for (const id of leaderIds) await repo.upsertMember(row.id, id, 'leader', now, tx)
        await audit.record({ actorId: actor.personId, action: 'interest-group.create', objectType: 'interest-group', objectId: row.id }, meta, tx)
        return row
      })
      return getGroup(actor, group.id)
    },

    /** The office renames a group or names other leaders; leaders no longer named stay on as members. */
    async updateGroup(actor: Actor, id: string, input: InterestGroupInput, meta: RequestMeta): Promise<InterestGroupView> {
      await getGroupRow(id)
      const { leaderIds, facultyAdvisorId } = await resolvePeople(input)
      const now = clock.now()
      await db.transaction(async (tx) => {
        await repo.updateGroup(id, { name: input.name, specialtyId: input.specialtyId, description: input.description, facultyAdvisorId, updatedAt: now }, tx)
        await repo.demoteLeadersExcept(id, leaderIds, tx)
        for (const leader of leaderIds) await repo.upsertMember(id, leader, 'leader', now, tx)
        await audit.record({ actorId: actor.personId, action: 'interest-group.update', objectType: 'interest-group', objectId: id }, meta, tx)
      })
      return getGroup(actor, id)
    },

    /** A student joins; joining again changes nothing. */
    async join(actor: Actor, id: string): Promise<InterestGroupView> {
      await getGroupRow(id)
      await repo.upsertMember(id, actor.personId, 'member', clock.now())
      return getGroup(actor, id)
    },

    /** A student leaves (a leader too: they stop leading); leaving a group one is not in changes nothing. */
    async leave(actor: Actor, id: string): Promise<InterestGroupView> {
      await getGroupRow(id)
      await repo.deleteMember(id, actor.personId)
      return getGroup(actor, id)
    },

    /** A leader or the office takes a member off the list (a leader only by the office, which names them). */
    async removeMember(actor: Actor, id: string, personId: string, meta: RequestMeta): Promise<InterestGroupView> {
      await managedGroup(actor, id)
      const member: MemberRow | null = await repo.findMembership(id, personId)
      if (!member) throw new AppError('NOT_FOUND', 'That person is not a member of this group.')
      if (member.role === 'leader' && !canCreateGroups(actor))
        throw new AppError('FORBIDDEN', 'Leaders are named by the office: ask the Office of Student Affairs to change them.')
      await db.transaction(async (tx) => {
        await repo.deleteMember(id, personId, tx)
        await audit.record({ actorId: actor.personId, action: 'interest-group.remove-member', objectType: 'interest-group', objectId: id }, meta, tx)
      })
      return getGroup(actor, id)
    },

    /** An announcement, kept on the group's page and e-mailed to every active member but its author, in one transaction. */
    async announce(actor: Actor, id: string, input: AnnouncementInput, meta: RequestMeta): Promise<InterestGroupView> {
      const group = await managedGroup(actor, id)
      await db.transaction(async (tx) => {
        const members = await repo.listMembers([id], tx)
        const recipients = (
          await listPeopleByIds(
            tx,
            members.map((m) => m.personId),
          )
        ).filter((p) => p.status === 'active' && p.id !== actor.personId)
        await repo.insertAnnouncement(
          { groupId: id, authorId: actor.personId, subject: input.subject, body: input.body, recipientCount: recipients.length, createdAt: clock.now() },
          tx,
        )
        for (const r of recipients)
          await notifications.enqueue(announcementEmail(r.email, r.name, group.name, actor.name, input.subject, input.body, groupLink(id)), tx)
        await audit.record({ actorId: actor.personId, action: 'interest-group.announce', objectType: 'interest-group', objectId: id }, meta, tx)
      })
      return getGroup(actor, id)
    },

    /** A leader (or the office) creates one of the group's events; the event is the events module's, tied to the group in the same transaction. */
    async createGroupEvent(actor: Actor, id: string, input: EventInput, meta: RequestMeta): Promise<EventView> {
      await managedGroup(actor, id)
      return events.createEvent(actor, input, meta, (eventId, tx) => repo.linkEvent(id, eventId, tx))
    },

    async updateGroupEvent(actor: Actor, id: string, eventId: string, input: EventInput, meta: RequestMeta): Promise<EventView> {
      await managedGroup(actor, id)
      await assertGroupEvent(id, eventId)
      return events.updateEvent(actor, eventId, input, meta)
    },

    async cancelGroupEvent(actor: Actor, id: string, eventId: string, meta: RequestMeta): Promise<EventView> {
      await managedGroup(actor, id)
      await assertGroupEvent(id, eventId)
      return events.cancelEvent(actor, eventId, meta)
    },
  }
}

export type InterestGroupsService = ReturnType<typeof createInterestGroupsService>
