import { type FormEvent, useState } from 'react'
import type { EventSeriesCreated } from '#shared/contracts/event-slots.ts'
import { Link, useNavigate, useParams } from 'react-router'
import { EventInput, eventInputProblems, type EventView } from '#shared/contracts/events.ts'
import { CLASS_YEAR_LABELS, CLASS_YEARS, EVENT_KIND_LABELS, EVENT_KINDS, type ClassYear, type EventKind } from '#shared/enums.ts'
import { ErrorSummary, Loading, QueryError } from '../../components/feedback.tsx'
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '../../components/fields.tsx'
import { problemFrom, validate } from '../../components/form-errors.ts'
import { useRecordDraft } from '../../components/use-record-draft.ts'
import { usePageTitle } from '../../components/page-title.ts'
import type { InterestGroupView } from '#shared/contracts/interest-groups.ts'
import { SPECIALTIES_BY_NAME } from '#shared/reference/specialties.ts'
import { useCreateGroupEvent, useInterestGroup, useInterestGroups } from '../interest-groups/api.ts'
import { useCreateEvent, useEvent, useUpdateEvent } from './api.ts'
import { HolidayWarning } from './holiday-warning.tsx'
import { NO_SERIES, SERIES_FIELDS, SERIES_LABELS, SeriesCreated, SeriesFields, seriesRequest, unwrapSeriesError } from './series-fields.tsx'
import { useCreateSeries } from './slots-api.ts'
import './events.css'

type Draft = {
  title: string
  kind: string
  description: string
  startAt: string
  endAt: string
  room: string
  site: string
  onlineLink: string
  host: string
  classYears: string[]
  specialtyIds: string[]
  interestGroupIds: string[]
  capacity: string
  rsvpClosesAt: string
}

const EMPTY: Draft = {
  title: '',
  kind: '',
  description: '',
  startAt: '',
  endAt: '',
  room: '',
  site: '',
  onlineLink: '',
  host: 'Office of Student Affairs',
  classYears: [],
  specialtyIds: [],
  interestGroupIds: [],
  capacity: '',
  rsvpClosesAt: '',
}

const FIELDS = [
  'title',
  'kind',
  'description',
  'startAt',
  'endAt',
  'room',
  'site',
  'onlineLink',
  'host',
  'classYears',
  'specialtyIds',
  'interestGroupIds',
  'capacity',
  'rsvpClosesAt',
] as const
const LABELS: Record<string, string> = {
  title: 'Title',
  kind: 'Kind of event',
  description: 'Description',
  startAt: 'Starts',
  endAt: 'Ends',
  room: 'Room',
  site: 'Site',
  onlineLink: 'Online link',
  host: 'Host',
  classYears: 'Who is invited',
  specialtyIds: 'Students interested in',
  interestGroupIds: 'Members of',
  capacity: 'Places',
  rsvpClosesAt: 'RSVPs close',
  ...SERIES_LABELS,
}
const ALL_FIELDS: readonly string[] = [...FIELDS, ...SERIES_FIELDS]
const idFor = (field: string) => `event-${ALL_FIELDS.includes(field) ? field : 'title'}`

/** `datetime-local` values are wall times in this browser's zone, which for the office is the school's. */
const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone
function toLocalInput(iso: string): string {
  const d = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}
const fromLocalInput = (value: string) => (value && !Number.isNaN(new Date(value).getTime()) ? new Date(value).toISOString() : '')

function draftFrom(e: EventView): Draft {
  return {
    title: e.title,
    kind: e.kind,
    description: e.description,
    startAt: toLocalInput(e.startAt),
    endAt: toLocalInput(e.endAt),
    room: e.room,
    site: e.site,
    onlineLink: e.onlineLink,
    host: e.host,
    classYears: e.classYears,
    specialtyIds: e.specialtyIds,
    interestGroupIds: e.interestGroupIds,
    capacity: e.capacity === null ? '' : String(e.capacity),
    rsvpClosesAt: toLocalInput(e.rsvpClosesAt),
  }
}

/** A group's new event is for its members unless the leader opens it up, and hosted by the group. */
function draftFromEventOrGroup(record: EventView | InterestGroupView): Draft {
  if ('kind' in record) return draftFrom(record)
  return { ...EMPTY, host: record.name, kind: 'interest-group-meeting', interestGroupIds: [record.id] }
}

/** Staff: create an event, or change one (attendees get the updated invite). A group's leaders create their group's events here too. */
export function EventFormPage() {
  const { eventId, groupId } = useParams()
  const editing = eventId !== undefined
  usePageTitle(editing ? 'Edit event' : groupId ? 'New group event' : 'New event')
  const navigate = useNavigate()
  const existing = useEvent(eventId ?? '', editing)
  const group = useInterestGroup(groupId ?? '', groupId !== undefined)
  const groups = useInterestGroups()
  const create = useCreateEvent()
  const createForGroup = useCreateGroupEvent(groupId ?? '')
  const update = useUpdateEvent(eventId ?? '')
  const { draft, problem, attempt, set, fail, clearProblem } = useRecordDraft(
    editing || groupId !== undefined,
    editing ? existing.data : group.data,
    EMPTY,
    draftFromEventOrGroup,
  )
  const createSeries = useCreateSeries()
  const [series, setSeries] = useState(NO_SERIES)
  const [created, setCreated] = useState<EventSeriesCreated | null>(null)

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (!draft) return
    const capacity = draft.capacity.trim()
    const input = {
      title: draft.title,
      kind: draft.kind as EventKind,
      description: draft.description,
      startAt: fromLocalInput(draft.startAt),
      endAt: fromLocalInput(draft.endAt),
      timeZone: zone(),
      room: draft.room,
      site: draft.site,
      onlineLink: draft.onlineLink,
      host: draft.host,
      classYears: draft.classYears as ClassYear[],
      specialtyIds: draft.specialtyIds,
      interestGroupIds: draft.interestGroupIds,
      capacity: capacity === '' ? null : /^\d+$/.test(capacity) ? Number(capacity) : Number.NaN,
      // Empty: RSVPs stay open until the start.
      rsvpClosesAt: fromLocalInput(draft.rsvpClosesAt || draft.startAt),
    }
    const result = validate(EventInput, input)
    const found: Record<string, string> = { ...eventInputProblems(input), ...(result.ok ? {} : result.errors) }
    if (Number.isNaN(input.capacity)) found.capacity = 'Enter a whole number, or leave it empty for no limit.'
    for (const key of ['startAt', 'endAt'] as const) if (!input[key]) found[key] = 'Choose a date and time.'
    const repeats = !editing && !groupId && series.repeat !== '' ? seriesRequest(series) : null
    if (repeats && !repeats.ok) Object.assign(found, repeats.fields)
    // In the order of the form, so the summary reads top to bottom.
    const fields: Record<string, string> = {}
    for (const key of [...ALL_FIELDS, ...Object.keys(found)]) if (found[key] !== undefined) fields[key] ??= found[key]
    if (!result.ok || Object.keys(fields).length > 0) return fail({ message: null, fields })
    clearProblem()
    try {
      if (repeats?.ok) {
        setCreated(await createSeries.mutateAsync({ event: result.data, ...repeats.value }))
        return
      }
      const saved = editing
        ? await update.mutateAsync(result.data)
        : groupId
          ? await createForGroup.mutateAsync(result.data)
          : await create.mutateAsync(result.data)
      navigate(`/events/${saved.id}`)
    } catch (cause) {
      fail(problemFrom(unwrapSeriesError(cause), ALL_FIELDS))
    }
  }

  const pending = create.isPending || update.isPending || createForGroup.isPending || createSeries.isPending
  return (
    <div className="page page-narrow">
      <p>
        <Link to={editing ? `/events/${eventId}` : groupId ? `/interest-groups/${groupId}` : '/events'} className="back-link">
          ← {editing ? 'Back to the event' : groupId ? 'Back to the group' : 'All events'}
        </Link>
      </p>
      <div className="page-header">
        <h1 tabIndex={-1}>{editing ? 'Edit event' : groupId ? `New event of ${group.data?.name ?? 'the group'}` : 'New event'}</h1>
        <p className="lead">
          {editing
            ? 'Students with a place get the updated calendar invite. More places go to the waitlist, first come first served.'
            : 'The students you invite see it on their Events page and can RSVP until RSVPs close.'}
        </p>
      </div>
      {editing && existing.isPending ? <Loading /> : null}
      {editing && existing.isError ? <QueryError error={existing.error} onRetry={() => void existing.refetch()} /> : null}
      {created ? <SeriesCreated created={created} /> : null}
      {draft && !created ? (
        <>
          <ErrorSummary message={problem.message} fields={problem.fields} idFor={idFor} labels={LABELS} attempt={attempt} />
          <form noValidate className="form card event-form" onSubmit={(e) => void onSubmit(e)}>
            <TextField
              id={idFor('title')}
              label="Title"
              value={draft.title}
              onChange={(e) => set('title', e.currentTarget.value)}
              error={problem.fields.title}
              autoComplete="off"
            />
            <SelectField
              id={idFor('kind')}
              label="Kind of event"
              placeholder="Choose a kind"
              options={EVENT_KINDS.map((k) => ({ value: k, label: EVENT_KIND_LABELS[k] }))}
              value={draft.kind}
              onChange={(e) => set('kind', e.currentTarget.value)}
              error={problem.fields.kind}
            />
            <TextAreaField
              id={idFor('description')}
              label="Description (optional)"
              rows={4}
              value={draft.description}
              onChange={(e) => set('description', e.currentTarget.value)}
              error={problem.fields.description}
            />
            <div className="event-form-row">
              <TextField
                id={idFor('startAt')}
                type="datetime-local"
                label="Starts"
                hint={`In ${zone().replace(/_/g, ' ')} time.`}
                value={draft.startAt}
                onChange={(e) => set('startAt', e.currentTarget.value)}
                error={problem.fields.startAt}
              />
              <TextField
                id={idFor('endAt')}
                type="datetime-local"
                label="Ends"
                hint="The same day or later."
                value={draft.endAt}
                onChange={(e) => set('endAt', e.currentTarget.value)}
                error={problem.fields.endAt}
              />
            </div>
            <HolidayWarning id="event-holiday" localStart={draft.startAt} />
            <TextField
              id={idFor('room')}
              label="Room (optional)"
              value={draft.room}
              onChange={(e) => set('room', e.currentTarget.value)}
              error={problem.fields.room}
            />
            <TextField
              id={idFor('site')}
              label="Site (optional)"
              hint="The building or campus."
              value={draft.site}
              onChange={(e) => set('site', e.currentTarget.value)}
              error={problem.fields.site}
            />
            <TextField
              id={idFor('onlineLink')}
              type="url"
              label="Online link (optional)"
              hint="For those who join online: one link that starts with https://. Give a room, a link, or both."
              value={draft.onlineLink}
              onChange={(e) => set('onlineLink', e.currentTarget.value)}
              error={problem.fields.onlineLink}
              spellCheck={false}
            />
            <TextField
              id={idFor('host')}
              label="Host"
              hint="The office, a department or the alumni office."
              value={draft.host}
              onChange={(e) => set('host', e.currentTarget.value)}
              error={problem.fields.host}
            />
            <CheckboxGroup
              id={idFor('classYears')}
              name="classYears"
              label="Who is invited"
              hint="Leave all unticked to invite every student."
              columns
              options={CLASS_YEARS.map((y) => ({ value: y, label: CLASS_YEAR_LABELS[y] }))}
              values={draft.classYears}
              onChange={(v) => set('classYears', v)}
              error={problem.fields.classYears}
            />
            <CheckboxGroup
              id={idFor('specialtyIds')}
              name="specialtyIds"
              label="Students interested in (optional)"
              hint="Invite students who list one of these specialties among their interests, or who belong to a group below. Class years above still apply."
              columns
              options={SPECIALTIES_BY_NAME.filter((s) => s.id !== 'transitional-year').map((s) => ({ value: s.id, label: s.name }))}
              values={draft.specialtyIds}
              onChange={(v) => set('specialtyIds', v)}
              error={problem.fields.specialtyIds}
            />
            {groups.data && groups.data.groups.length > 0 ? (
              <CheckboxGroup
                id={idFor('interestGroupIds')}
                name="interestGroupIds"
                label="Members of (optional)"
                hint="Leave both lists empty to invite every student of the class years above."
                columns
                options={groups.data.groups.map((g) => ({ value: g.id, label: g.name }))}
                values={draft.interestGroupIds}
                onChange={(v) => set('interestGroupIds', v)}
                error={problem.fields.interestGroupIds}
              />
            ) : null}
            <TextField
              id={idFor('capacity')}
              label="Places (optional)"
              hint="When they are taken, students join a waitlist. Leave empty for no limit."
              inputMode="numeric"
              value={draft.capacity}
              onChange={(e) => set('capacity', e.currentTarget.value)}
              error={problem.fields.capacity}
              autoComplete="off"
            />
            <TextField
              id={idFor('rsvpClosesAt')}
              type="datetime-local"
              label="RSVPs close (optional)"
              hint="Students can RSVP and cancel until then; empty: until the start."
              value={draft.rsvpClosesAt}
              onChange={(e) => set('rsvpClosesAt', e.currentTarget.value)}
              error={problem.fields.rsvpClosesAt}
            />
            {editing || groupId ? null : <SeriesFields draft={series} onChange={setSeries} errors={problem.fields} />}
            <div className="button-row">
              <button type="submit" className="button" disabled={pending}>
                {pending ? 'Saving…' : editing ? 'Save event' : series.repeat ? 'Create the series' : 'Create event'}
              </button>
            </div>
          </form>
        </>
      ) : null}
    </div>
  )
}
