import type { Actor, RequestMeta } from '../../http/app-env.ts'
import type { AdvisingService } from '../advising/advising.service.ts'
import type { CommunityService } from '../community/community.service.ts'
import type { CurriculumService } from '../curriculum/curriculum.service.ts'
import type { EventAttendanceService } from '../events/attendance.service.ts'
import type { EventsService } from '../events/events.service.ts'
import type { InterestGroupsService } from '../interest-groups/interest-groups.service.ts'
import type { EventSlotsService } from '../events/slots.ts'
import type { LettersService } from '../letters/letters.service.ts'
import type { ListBuilderService } from '../list-builder/list-builder.service.ts'
import type { MaterialsService } from '../materials/materials.service.ts'
import type { MentorProgramsService } from '../mentor-programs/mentor-programs.service.ts'
import type { MentorshipsService } from '../mentorships/mentorships.service.ts'
import type { MessagesService } from '../messages/messages.service.ts'
import type { MockInterviewsService } from '../mock-interviews/mock-interviews.service.ts'
import type { ExperiencesService } from '../opportunities/experiences.service.ts'
import type { OpportunitiesService } from '../opportunities/opportunities.service.ts'
import type { RequirementsService } from '../opportunities/requirements.service.ts'
import type { SavedOpportunitiesService } from '../opportunities/saved-opportunities.service.ts'
import type { ShadowingService } from '../opportunities/shadowing.service.ts'
import type { ProfilesService } from '../profiles/profiles.service.ts'
import type { RankListsService } from '../rank-lists/rank-lists.service.ts'
import { confidentialLetterSentence, type StudentLetter } from './domain/letters-in-export.ts'

/** The services that own a student's records; the export asks each for the student's own view. */
export type RecordOwners = {
  profiles: ProfilesService
  advising: AdvisingService
  letters: LettersService
  mentorships: MentorshipsService
  mentorPrograms: MentorProgramsService
  events: EventsService
  interestGroups: InterestGroupsService
  eventSlots: EventSlotsService
  eventAttendance: EventAttendanceService
  opportunities: OpportunitiesService
  savedOpportunities: SavedOpportunitiesService
  experiences: ExperiencesService
  shadowing: ShadowingService
  requirements: RequirementsService
  community: CommunityService
  listBuilder: ListBuilderService
  materials: MaterialsService
  rankLists: RankListsService
  curriculum: CurriculumService
  mockInterviews: MockInterviewsService
  messages: MessagesService
}

type Item = Record<string, unknown>
export type SectionSource = {
  key: string
  title: string
  description: string
  read: (owners: RecordOwners, actor: Actor, meta: RequestMeta) => Promise<Item[]>
}

const asItems = (values: readonly unknown[]): Item[] => values.map((v) => v as Item)

/**
 * Every part of a student's record, each read through its owner's service as the student's own
 * page would show it — so what a student may not see (a waived letter's content, a mentor's
 * private notes, another person's identity fields) is already left out by the owner's policy.
 * `export-coverage.ts` says which tables each part covers.
 */
export const SECTION_SOURCES: readonly SectionSource[] = [
  {
    key: 'profile',
    title: 'Your account and profile',
    description: 'Your name, e-mail, roles, student profile and (if you mentor) your mentor profile.',
    read: async (o, actor) => [(await o.profiles.getMyProfile(actor)) as unknown as Item],
  },
  {
    key: 'advising',
    title: 'Your advisors and advising board',
    description: 'Who advises you, in which role, and since when.',
    read: async (o, actor) => {
      const board = await o.advising.getMyBoard(actor)
      // Suggestions are other people's directory entries offered to you, not your record.
      return [
        {
          declaredSpecialty: board.declaredSpecialty,
          slots: board.slots.map(({ suggestions: _s, ...slot }) => slot),
          emptySlots: board.emptySlots,
          others: board.others,
        },
      ]
    },
  },
  {
    key: 'letters',
    title: 'Letters of recommendation',
    description: 'Your requests, their status and your waiver. A letter whose access you waived is named here, never shown.',
    read: async (o, actor) => {
      const mine = await o.letters.listMine(actor)
      return mine.items.map((letter) => lettersItem(letter, mine.waiverRevokedAt))
    },
  },
  {
    key: 'mentorship-requests',
    title: 'Mentorship requests',
    description: 'Requests you sent or received, with their messages and answers.',
    read: async (o, actor) => {
      const requests = await o.mentorships.listMyRequests(actor)
      return asItems([...requests.sent, ...requests.received])
    },
  },
  {
    key: 'mentorships',
    title: 'Mentorships',
    description: 'Each mentorship with its goals, action items, shared notes, your own private notes and meetings.',
    read: async (o, actor, meta) => {
      const mine = await o.mentorships.listMyMentorships(actor)
      const all = [...mine.asStudent, ...mine.asMentor]
      return asItems(await Promise.all(all.map((m) => o.mentorships.getMentorship(actor, m.id, meta))))
    },
  },
  {
    key: 'messages',
    title: 'Messages',
    description: 'Your messages with each mentor (and, if you mentor, each student), on requests and in mentorships, with the names of any PDFs attached.',
    read: async (o, actor) => o.messages.listMyConversationsForRecords(actor),
  },
  {
    key: 'mentor-programs',
    title: 'Mentor programs',
    description: 'Programs you take part in, your ranking and your pair.',
    read: async (o, actor) => asItems((await o.mentorPrograms.listMine(actor)).programs),
  },
  {
    key: 'events',
    title: 'Events',
    description: 'Events you signed up for, and whether you had a place or were on the waitlist.',
    read: async (o, actor) => {
      const events = await o.events.listEvents(actor)
      return asItems([...events.upcoming, ...events.past].filter((e) => e.myRsvp !== null))
    },
  },
  {
    key: 'interest-groups',
    title: 'Interest groups',
    description: 'The interest groups you belong to, whether you lead them, and since when.',
    read: async (o, actor) => asItems(await o.interestGroups.listMyMemberships(actor)),
  },
  {
    key: 'event-slots',
    title: 'Event slots',
    description: 'The time slots you booked at events (a headshot, a program’s session), and any you gave up.',
    read: async (o, actor) => asItems(await o.eventSlots.listSlotBookingsOfStudent(actor.personId)),
  },
  {
    key: 'event-attendance',
    title: 'Event attendance and feedback',
    description: 'Events you were checked in at (when, and how), and the rating and comment you gave.',
    read: async (o, actor) => asItems(await o.eventAttendance.listMyAttendance(actor)),
  },
  {
    key: 'curriculum',
    title: 'Career curriculum',
    description: 'The milestones of your curriculum timeline, which you ticked as done, and when.',
    read: async (o, actor) => {
      const timeline = await o.curriculum.getMyTimeline(actor)
      return asItems(
        timeline.years.flatMap((y) =>
          y.milestones.filter((m) => m.doneBy === 'ticked').map((m) => ({ title: m.title, dueWindow: m.dueWindow, tickedAt: m.doneAt })),
        ),
      )
    },
  },
  {
    key: 'mock-interviews',
    title: 'Mock interviews',
    description:
      'Mock interviews you booked, with each interviewer’s scores and feedback (raw and adjusted for how strictly they score), and any slots you published as an interviewer.',
    read: async (o, actor) => {
      const [mine, published] = await Promise.all([o.mockInterviews.myMocks(actor), o.mockInterviews.interviewerSlots(actor)])
      return asItems([...mine.upcoming, ...mine.past, ...published.slots.map((slot) => ({ publishedSlot: slot }))])
    },
  },
  {
    key: 'opportunity-applications',
    title: 'Applications to opportunities',
    description: 'Research projects, shadowing and summer experiences you applied to, with your statement and the answer.',
    read: async (o, actor) => asItems((await o.opportunities.listMyApplications(actor)).applications),
  },
  {
    key: 'saved-opportunities',
    title: 'Saved opportunities',
    description: 'The opportunities you saved on the board to come back to, and when you saved each.',
    read: async (o, actor) => asItems((await o.savedOpportunities.listMine(actor)).saved),
  },
  {
    key: 'experiences',
    title: 'Experience record',
    description: 'Your experiences and research output, and who confirmed them.',
    read: async (o, actor) => asItems((await o.experiences.listMine(actor)).experiences),
  },
  {
    key: 'shadowing',
    title: 'Shadowing days',
    description: 'Shadowing days you booked, when and where, and any you cancelled.',
    read: async (o, actor) => asItems((await o.shadowing.listMine(actor)).bookings),
  },
  {
    key: 'requirements',
    title: 'Requirements',
    description: 'The trainings, immunisations and checks you recorded, when they expire, and who at the office verified them.',
    read: async (o, actor) => asItems((await o.requirements.listMine(actor)).requirements),
  },
  {
    key: 'community',
    title: 'Community',
    description: 'Questions you asked (named or anonymous), questions you answered and those you follow.',
    read: async (o, actor) => [(await o.community.myCommunity(actor)) as unknown as Item],
  },
  {
    key: 'materials',
    title: 'Application documents',
    description: 'Your CV, personal statements and other documents: every version with its text, who you shared it with, and their comments and suggestions.',
    read: async (o, actor) => {
      const { items } = await o.materials.listMyDocuments(actor)
      const documents = []
      for (const summary of items) {
        const document = await o.materials.getDocument(actor, summary.id)
        const versions = []
        for (const version of document.versions) versions.push(await o.materials.getVersion(actor, version.id))
        documents.push({ ...document, versions })
      }
      return asItems(documents)
    },
  },
  {
    key: 'application-profile',
    title: 'Residency application profile',
    description: 'Scores, honors, research, places and preferences you gave the list builder.',
    read: async (o, actor) => [(await o.listBuilder.getMyProfile(actor, null)) as unknown as Item],
  },
  {
    key: 'program-list',
    title: 'Your residency programs',
    description: 'Programs on your list, with their status, signal and note.',
    read: async (o, actor) => [(await o.listBuilder.getProgramList(actor, actor.personId, null)) as unknown as Item],
  },
  {
    key: 'rank-list',
    title: 'Rank order list',
    description: 'Your rank order list, comments on it, its sign-off, and a couples link.',
    read: async (o, actor) => [{ rankList: await o.rankLists.getMine(actor), couple: await o.rankLists.getMyCouple(actor) }],
  },
]

function lettersItem(letter: StudentLetter, waiverRevokedAt: string | null): Item {
  if (letter.waivedRightOfAccess)
    // Only what the student may always know: who, for what, and the status. No file, no content.
    return {
      id: letter.id,
      confidentialLetter: confidentialLetterSentence(letter.writer.name),
      purpose: letter.purpose,
      status: letter.status,
      waivedRightOfAccess: true,
      waiverRecordedAt: letter.waiverRecordedAt,
      requestedAt: letter.createdAt,
      submittedAt: letter.submittedAt,
      deliveredAt: letter.deliveredAt,
    }
  return { ...letter, waiverRevokedAt } as unknown as Item
}
