import type {
  ApplicationView,
  AttachedDocumentView,
  ExperienceView,
  OpportunitySummary,
  OpportunityView,
  ResearchOutputView,
} from '#shared/contracts/opportunities.ts'
import type { OpportunityApplicationStatus } from '#shared/enums.ts'
import { placesLeft } from './domain/applications.ts'
import { commitmentOf } from './domain/board.ts'
import type { ApplicationRow, ExperienceRow, OpportunityRow, ResearchOutputRow } from './opportunities.repository.ts'

/** The DTOs of this module, with their columns named: rows never reach the browser. */

/** The columns a summary shows: the board's in-memory rows have them, as a full row does. */
export type SummaryRow = Pick<
  OpportunityRow,
  | 'id'
  | 'kind'
  | 'title'
  | 'specialtyId'
  | 'classYears'
  | 'remote'
  | 'places'
  | 'applyBy'
  | 'startDate'
  | 'endDate'
  | 'timeCommitment'
  | 'commitment'
  | 'site'
  | 'status'
  | 'posterId'
>

export function summaryOf(
  row: SummaryRow,
  accepted: number,
  posterName: string,
  myApplicationStatus: OpportunityApplicationStatus | null,
  canApply: boolean,
): OpportunitySummary {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    specialtyId: row.specialtyId,
    classYears: row.classYears,
    remote: row.remote,
    places: row.places,
    placesLeft: placesLeft(row.places, accepted),
    applyBy: row.applyBy?.toISOString() ?? null,
    startDate: row.startDate,
    endDate: row.endDate,
    timeCommitment: row.timeCommitment,
    commitment: commitmentOf(row),
    site: row.site,
    status: row.status,
    posterName,
    canApply,
    myApplicationStatus,
  }
}

export function applicationViewOf(row: ApplicationRow, opportunityTitle: string, document: AttachedDocumentView | null = null): ApplicationView {
  return {
    id: row.id,
    opportunityId: row.opportunityId,
    opportunityTitle,
    status: row.status,
    statement: row.statement,
    posterMessage: row.posterMessage,
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    document,
  }
}

export function viewOf(
  summary: OpportunitySummary,
  row: OpportunityRow,
  isMine: boolean,
  mine: ApplicationRow | null,
  myDocument: AttachedDocumentView | null = null,
): OpportunityView {
  return {
    ...summary,
    description: row.description,
    researchQuestion: row.researchQuestion,
    methods: row.methods,
    skillsWanted: row.skillsWanted,
    expectedOutput: row.expectedOutput,
    dressCode: row.dressCode,
    whatToBring: row.whatToBring,
    isMine,
    myApplication: mine ? applicationViewOf(mine, row.title, myDocument) : null,
  }
}

export function researchOutputViewOf(row: ResearchOutputRow): ResearchOutputView {
  return { id: row.id, kind: row.kind, citation: row.citation, date: row.date }
}

export function experienceViewOf(
  row: ExperienceRow,
  opportunityId: string | null,
  confirmedBy: string | null,
  outputs: readonly ResearchOutputRow[] = [],
): ExperienceView {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    organization: row.organization,
    description: row.description,
    startDate: row.startDate,
    endDate: row.endDate,
    hours: row.hours,
    opportunityId,
    confirmedBy,
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    outputs: outputs.map(researchOutputViewOf),
  }
}
