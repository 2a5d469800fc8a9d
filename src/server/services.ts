import type { Database } from './db/client.ts'
import type { Clock } from './clock.ts'
import { createAdminService } from './modules/admin/admin.service.ts'
import { createAdvisingRepository } from './modules/advising/advising.repository.ts'
import { createAdvisingService } from './modules/advising/advising.service.ts'
import { createStudentRecords } from './modules/advising/student-records.ts'
import { createClassSimulationRepository } from './modules/class-simulation/class-simulation.repository.ts'
import { createClassSimulationService } from './modules/class-simulation/class-simulation.service.ts'
import { createAuditService } from './modules/audit/audit.service.ts'
import { createCalibrationRepository } from './modules/calibration/calibration.repository.ts'
import { createCalibrationService } from './modules/calibration/calibration.service.ts'
import { createCommunityRepository } from './modules/community/community.repository.ts'
import { createCommunityService } from './modules/community/community.service.ts'
import { createMaterialsRepository } from './modules/materials/materials.repository.ts'
import { createMaterialsService } from './modules/materials/materials.service.ts'
import { createMockInterviewsRepository } from './modules/mock-interviews/mock-interviews.repository.ts'
import { createMockInterviewsService } from './modules/mock-interviews/mock-interviews.service.ts'
import { createDirectoryRepository } from './modules/directory/directory.repository.ts'
import { createDirectoryService } from './modules/directory/directory.service.ts'
import { createEventsRepository } from './modules/events/events.repository.ts'
import { createEventsService } from './modules/events/events.service.ts'
import { createInterestGroupsRepository } from './modules/interest-groups/interest-groups.repository.ts'
import { createInterestGroupsService } from './modules/interest-groups/interest-groups.service.ts'
import { createSpecialtiesRepository } from './modules/specialties/specialties.repository.ts'
import { createSpecialtiesService } from './modules/specialties/specialties.service.ts'
import { createEventSeriesService } from './modules/events/series.ts'
import { createSeriesRepository } from './modules/events/series.repository.ts'
import { createEventSlotsService } from './modules/events/slots.ts'
import { createSlotsRepository } from './modules/events/slots.repository.ts'
import { createAcademicCalendarRepository } from './modules/academic-calendar/academic-calendar.repository.ts'
import { createAcademicCalendarService } from './modules/academic-calendar/academic-calendar.service.ts'
import { createAttendanceRepository } from './modules/events/attendance.repository.ts'
import { createEventAttendanceService } from './modules/events/attendance.service.ts'
import { createCurriculumRepository } from './modules/curriculum/curriculum.repository.ts'
import { createCurriculumService } from './modules/curriculum/curriculum.service.ts'
import { createApplicationDocumentsRepository } from './modules/opportunities/application-documents.repository.ts'
import { createApplicationDocumentsService } from './modules/opportunities/application-documents.service.ts'
import { createExperiencesService } from './modules/opportunities/experiences.service.ts'
import { createOpportunitiesRepository } from './modules/opportunities/opportunities.repository.ts'
import { createOpportunitiesService } from './modules/opportunities/opportunities.service.ts'
import { createRequirementsRepository } from './modules/opportunities/requirements.repository.ts'
import { createRequirementsService } from './modules/opportunities/requirements.service.ts'
import { createSavedOpportunitiesRepository } from './modules/opportunities/saved-opportunities.repository.ts'
import { createSavedOpportunitiesService } from './modules/opportunities/saved-opportunities.service.ts'
import { createShadowingRepository } from './modules/opportunities/shadowing.repository.ts'
import { createShadowingService } from './modules/opportunities/shadowing.service.ts'
import { createIdentityRepository } from './modules/identity/identity.repository.ts'
import { createIdentityService } from './modules/identity/identity.service.ts'
import { createRateLimits } from './modules/identity/rate-limits.ts'
import { createStudentAddresses } from './modules/identity/student-addresses.ts'
import { createSsoRepository } from './modules/identity/sso/sso.repository.ts'
import { createSsoService } from './modules/identity/sso/sso.service.ts'
import type { SsoSettings } from './modules/identity/sso/sso-settings.ts'
import { createLettersRepository } from './modules/letters/letters.repository.ts'
import { createLettersService } from './modules/letters/letters.service.ts'
import { createListBuilderRepository } from './modules/list-builder/list-builder.repository.ts'
import { createListBuilderService } from './modules/list-builder/list-builder.service.ts'
import { createMeetingsService } from './modules/mentorships/meetings.service.ts'
import { createMentorshipsRepository } from './modules/mentorships/mentorships.repository.ts'
import { createMentorshipsService } from './modules/mentorships/mentorships.service.ts'
import { createMentorProgramsRepository } from './modules/mentor-programs/mentor-programs.repository.ts'
import { createMentorProgramsService } from './modules/mentor-programs/mentor-programs.service.ts'
import type { SessionPolicy } from './modules/identity/domain/session-rules.ts'
import type { Mailer } from './modules/notifications/mailer.ts'
import { createNotificationsService } from './modules/notifications/notifications.service.ts'
import { createNotificationCentreRepository } from './modules/notifications/notification-centre.repository.ts'
import { createNotificationCentreService } from './modules/notifications/notification-centre.service.ts'
import { createRankListsRepository } from './modules/rank-lists/rank-lists.repository.ts'
import { createRankListsService } from './modules/rank-lists/rank-lists.service.ts'
import { createProfilesRepository } from './modules/profiles/profiles.repository.ts'
import { createProfilesService } from './modules/profiles/profiles.service.ts'
import { createRecommendationsRepository } from './modules/recommendations/recommendations.repository.ts'
import { createRecommendationsService } from './modules/recommendations/recommendations.service.ts'
import { createProgramRows } from './modules/residency-programs/program-rows.ts'
import { createResidencyProgramsRepository } from './modules/residency-programs/residency-programs.repository.ts'
import { createResidencyProgramsService } from './modules/residency-programs/residency-programs.service.ts'
import { createReportingService } from './modules/reporting/reporting.service.ts'
import { createRecordsService } from './modules/records/records.service.ts'
import { createMessagesRepository } from './modules/messages/messages.repository.ts'
import { createMessagesService } from './modules/messages/messages.service.ts'
import { createRosterRepository } from './modules/roster/roster.repository.ts'
import { createRosterService } from './modules/roster/roster.service.ts'

export type ServiceSettings = {
  appOrigin: string
  demoMode: boolean
  sessionPolicy: SessionPolicy
  /** How long a process's claim on a class simulation lasts unless renewed (default 30 s). */
  simulationLeaseSeconds?: number
  /** Keep session lookups in memory: only when this process alone writes the database (the embedded one). */
  sessionCache?: boolean
  /** Single sign-on (OIDC, SAML), when the school configured it. */
  sso?: SsoSettings | null
}

/** The composition root of the domain: every service, wired to one database and one clock. */
export function createServices(db: Database, clock: Clock, mailer: Mailer | null, settings: ServiceSettings) {
  const audit = createAuditService(db, clock)
  const notifications = createNotificationsService(db, clock, mailer, { appOrigin: settings.appOrigin })
  // Each person's in-app notifications, written by `notifications` with every e-mail to them.
  const notificationCentre = createNotificationCentreService({ repo: createNotificationCentreRepository(db), clock })
  // Limits on actions (mail to typed addresses, …), counted in the database across processes.
  const rateLimits = createRateLimits(clock)
  const identity = createIdentityService({
    db,
    repo: createIdentityRepository(db, { sessionCache: settings.sessionCache ?? false }),
    clock,
    audit,
    notifications,
    sessionPolicy: settings.sessionPolicy,
    appOrigin: settings.appOrigin,
    demoMode: settings.demoMode,
    sso: settings.sso ?? null,
  })
  const sso = createSsoService({ settings: settings.sso ?? null, appOrigin: settings.appOrigin, repo: createSsoRepository(db), clock, audit, identity })
  const profiles = createProfilesService({ db, repo: createProfilesRepository(db), clock, audit, identity })
  const admin = createAdminService({ db, clock, audit, identity, notifications })
  const mentorshipsRepo = createMentorshipsRepository(db)
  const mentorships = createMentorshipsService({ db, repo: mentorshipsRepo, clock, audit, notifications, appOrigin: settings.appOrigin })
  // Open places are capacity minus active mentees: the mentorships module is their one source.
  const openPlacesOf = (mentorIds: readonly string[]) => mentorships.openPlacesOf(mentorIds)
  const directory = createDirectoryService({
    db,
    repo: createDirectoryRepository(db),
    audit,
    openPlacesOf,
    // "Usually answers within …" and "sort by fit to me" come from the recommendations service (created below; called later).
    responseStatsOf: (mentorIds) => recommendations.responseStatsOf(mentorIds),
    fitOf: (actor, mentorIds, limit) => recommendations.rankMentorsForStudent(actor, mentorIds, limit),
  })
  // Response speed, open requests, active mentees and declines: read-only figures of the mentorships module.
  const recommendations = createRecommendationsService({
    repo: createRecommendationsRepository(db),
    audit,
    clock,
    openPlacesOf,
    activity: mentorshipsRepo,
    // The mentor team reads the board's gaps and the open opportunities (both created below; called later).
    owners: () => ({ advising, opportunities }),
  })
  const eventsRepo = createEventsRepository(db)
  const events = createEventsService({
    db,
    repo: eventsRepo,
    clock,
    audit,
    notifications,
    appOrigin: settings.appOrigin,
    // An interest group's leaders run its events (the interest-groups service, created below; called later).
    managedEventIdsOf: (actor) => interestGroups.listManagedEventIds(actor),
    // A cancelled event's booked slots get their own CANCELs (the slots service, created below; called later).
    onEventCancelled: (event, tx) => eventSlots.sendCancelsForCancelledEvent(event, tx),
  })
  // Student-run interest groups: members, announcements, and the group's events through the events service.
  const interestGroups = createInterestGroupsService({
    db,
    repo: createInterestGroupsRepository(db),
    clock,
    audit,
    notifications,
    events,
    appOrigin: settings.appOrigin,
  })
  // The school's year starts, breaks and holidays; series of events skip the closed days.
  const academicCalendar = createAcademicCalendarService({ db, repo: createAcademicCalendarRepository(db), clock, audit })
  // Sessions with time slots and series of events (decision 036).
  const eventSlots = createEventSlotsService({
    db,
    repo: eventsRepo,
    slotsRepo: createSlotsRepository(db),
    events,
    clock,
    audit,
    notifications,
    appOrigin: settings.appOrigin,
  })
  const eventSeries = createEventSeriesService({ db, seriesRepo: createSeriesRepository(db), events, academicCalendar, clock })
  // Check-in at the door, attendance and feedback (decision 035).
  const eventAttendance = createEventAttendanceService({
    db,
    repo: eventsRepo,
    attendance: createAttendanceRepository(db),
    clock,
    audit,
    appOrigin: settings.appOrigin,
  })
  const meetings = createMeetingsService({
    db,
    repo: mentorshipsRepo,
    clock,
    audit,
    notifications,
    mentorships,
    appOrigin: settings.appOrigin,
    // A person's calendar feed carries the events they have a place at beside their meetings.
    otherCalendarEntries: async (person) => [...(await events.calendarEntriesFor(person)), ...(await eventSlots.calendarEntriesFor(person))],
  })
  // The one gate (and audit) for reading a student's residency-application record.
  const studentRecords = createStudentRecords({ db, audit })
  const advising = createAdvisingService({
    db,
    repo: createAdvisingRepository(db),
    clock,
    audit,
    studentRecords,
    recommendations,
    mentorships,
    notifications,
    appOrigin: settings.appOrigin,
    directory,
  })
  // Letters read a student's requests for staff through the advising gate.
  const letters = createLettersService({
    db,
    repo: createLettersRepository(db),
    clock,
    audit,
    notifications,
    advising,
    rateLimits,
    studentAddresses: createStudentAddresses(db),
    appOrigin: settings.appOrigin,
  })
  const listBuilder = createListBuilderService({ db, repo: createListBuilderRepository(db), programs: createProgramRows(db), studentRecords, audit, clock })
  const mentorPrograms = createMentorProgramsService({
    db,
    repo: createMentorProgramsRepository(db),
    mentorships,
    clock,
    audit,
    notifications,
    openPlacesOf,
    appOrigin: settings.appOrigin,
  })
  const rankLists = createRankListsService({
    db,
    repo: createRankListsRepository(db),
    clock,
    audit,
    notifications,
    studentRecords,
    appOrigin: settings.appOrigin,
  })
  // Past outcomes and the list builder's calibration on them.
  const calibration = createCalibrationService({ db, repo: createCalibrationRepository(db), clock, audit })
  // The program explorer, program pages, save to list, programs CSV.
  const residencyPrograms = createResidencyProgramsService({ db, repo: createResidencyProgramsRepository(db), clock, audit })
  // Class simulations of an advisor's students, run in the background in this process.
  const classSimulation = createClassSimulationService({
    repo: createClassSimulationRepository(db),
    clock,
    audit,
    studentRecords,
    ...(settings.simulationLeaseSeconds ? { leaseSeconds: settings.simulationLeaseSeconds } : {}),
  })
  // Opportunities posted by mentors and staff, applications, and students' experience records.
  const opportunitiesRepo = createOpportunitiesRepository(db)
  const shadowingRepo = createShadowingRepository(db)
  const requirements = createRequirementsService({ db, repo: createRequirementsRepository(db), opportunitiesRepo, clock, audit, studentRecords })
  // A document version sent with an application: pinned and read back through the materials service, created below (called only at request time).
  const applicationDocuments = createApplicationDocumentsService({
    db,
    repo: createApplicationDocumentsRepository(db),
    opportunitiesRepo,
    audit,
    materials: {
      versionToAttach: (...args) => materials.versionToAttach(...args),
      readAttachedVersion: (...args) => materials.readAttachedVersion(...args),
    },
  })
  const opportunities = createOpportunitiesService({
    db,
    repo: opportunitiesRepo,
    clock,
    audit,
    notifications,
    appOrigin: settings.appOrigin,
    requirements,
    applicationDocuments,
  })
  const savedOpportunities = createSavedOpportunitiesService({ repo: createSavedOpportunitiesRepository(db), clock, opportunities })
  const experiences = createExperiencesService({
    db,
    repo: opportunitiesRepo,
    shadowingRepo,
    clock,
    audit,
    studentRecords,
    // The ERAS draft saves through the materials service, created below (called only at request time).
    materials: { saveDrafts: (...args) => materials.saveDrafts(...args) },
  })
  // Shadowing days booked like meeting slots, with invites, reminders and an experience entry once passed.
  const shadowing = createShadowingService({
    db,
    repo: shadowingRepo,
    opportunitiesRepo,
    requirements,
    clock,
    audit,
    notifications,
    appOrigin: settings.appOrigin,
  })
  // Community questions and answers, anonymous when a student asks so, moderated by the office.
  const community = createCommunityService({ db, repo: createCommunityRepository(db), clock, audit, notifications, rateLimits, appOrigin: settings.appOrigin })
  // Application materials: a student's documents, versions, reviews and comparisons (visible to the student and the reviewers of each version only).
  const materials = createMaterialsService({ db, repo: createMaterialsRepository(db), clock, notifications, rateLimits, appOrigin: settings.appOrigin })
  // The career curriculum: milestones, and each student's timeline read from the owners of what completes them.
  const curriculum = createCurriculumService({
    db,
    repo: createCurriculumRepository(db),
    clock,
    audit,
    events,
    academicCalendar,
    owners: () => ({ advising, letters, listBuilder, rankLists, events }),
    studentRecords,
    notifications,
    appOrigin: settings.appOrigin,
  })
  // Mock interviews: slots, bookings within the school's limit, rubric scores and feedback, scores adjusted for interviewers' severity.
  const mockInterviews = createMockInterviewsService({
    db,
    repo: createMockInterviewsRepository(db),
    clock,
    audit,
    notifications,
    studentRecords,
    appOrigin: settings.appOrigin,
  })
  // Messages between a student and a mentor, on a request and in the mentorship it becomes (decision 021).
  const messages = createMessagesService({ db, repo: createMessagesRepository(db), clock, notifications, appOrigin: settings.appOrigin })
  // A page per specialty, put together from its owners' services.
  const specialties = createSpecialtiesService({ db, repo: createSpecialtiesRepository(db), clock, audit, events, directory, interestGroups })
  const reporting = createReportingService({
    db,
    clock,
    audit,
    studentRecords,
    advising,
    opportunities,
    seasonOwners: { letters, materials, mockInterviews, listBuilder, rankLists, classSimulation },
  })
  // A student's FERPA rights: directory hold, inspection and download, access record, amendment.
  const records = createRecordsService({
    db,
    clock,
    audit,
    notifications,
    appOrigin: settings.appOrigin,
    owners: () => ({
      profiles,
      advising,
      letters,
      mentorships,
      mentorPrograms,
      events,
      interestGroups,
      eventSlots,
      eventAttendance,
      opportunities,
      savedOpportunities,
      experiences,
      shadowing,
      requirements,
      community,
      listBuilder,
      rankLists,
      materials,
      curriculum,
      mockInterviews,
      messages,
    }),
  })
  // The class roster: import, year-end rollover, graduates' choice to mentor (decision 020).
  const roster = createRosterService({
    db,
    repo: createRosterRepository(db),
    clock,
    audit,
    identity,
    profiles,
    advising,
    notifications,
    appOrigin: settings.appOrigin,
  })
  return {
    residencyPrograms,
    audit,
    notifications,
    notificationCentre,
    identity,
    sso,
    profiles,
    admin,
    letters,
    directory,
    recommendations,
    mentorships,
    meetings,
    studentRecords,
    advising,
    mentorPrograms,
    listBuilder,
    rankLists,
    calibration,
    classSimulation,
    events,
    interestGroups,
    specialties,
    eventSlots,
    eventSeries,
    academicCalendar,
    eventAttendance,
    curriculum,
    opportunities,
    savedOpportunities,
    experiences,
    applicationDocuments,
    shadowing,
    requirements,
    community,
    materials,
    mockInterviews,
    messages,
    reporting,
    records,
    roster,
  }
}

export type Services = ReturnType<typeof createServices>
