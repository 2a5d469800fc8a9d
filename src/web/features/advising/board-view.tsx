import { useState } from 'react'
import { Link } from 'react-router'
import {
  ASSIGNABLE_SLOTS,
  type AdvisingBoardView,
  type AssignableSlot,
  type BoardSlot,
  type SlotHolder,
  type SlotSuggestion,
} from '#shared/contracts/advising.ts'
import { errorMessage } from '../../api/client.ts'
import { reasonsSentence } from '../recommendations/recommendation-card.tsx'
import { useAssignToBoard, useRemoveFromBoard } from './advising-api.ts'
import './advising.css'

export type BoardAudience = 'student' | 'staff'

const firstName = (name: string) => name.split(/\s+/)[0] ?? name
const isAssignable = (slot: BoardSlot['slot']): slot is AssignableSlot => (ASSIGNABLE_SLOTS as readonly string[]).includes(slot)

/** "3 of 5 slots filled" and what is missing, in one sentence; an optional slot is not counted. */
export function boardSummary(board: AdvisingBoardView): string {
  const required = board.slots.filter((s) => s.isRequired)
  const filled = required.length - board.emptySlots.length
  if (board.emptySlots.length === 0) return `All ${required.length} slots are filled.`
  const missing = required.filter((s) => s.isEmpty).map((s) => s.label.toLowerCase())
  return `${filled} of ${required.length} slots filled. Still to fill: ${missing.join(', ')}.`
}

/** Staff read about the student: "Maya’s", never "your". */
const possessive = (audience: BoardAudience, studentName: string) => (audience === 'student' ? 'your' : `${firstName(studentName)}’s`)

type OnAssigned = (message: string) => void

function Suggestion({
  suggestion,
  slot,
  audience,
  student,
  onAssigned,
}: {
  suggestion: SlotSuggestion
  slot: BoardSlot
  audience: BoardAudience
  student: AdvisingBoardView['student']
  onAssigned: OnAssigned
}) {
  const assign = useAssignToBoard()
  const [confirming, setConfirming] = useState(false)
  const { person } = suggestion
  const canAssign = audience === 'staff' && isAssignable(slot.slot)
  // Mid-sentence: "research mentor", but a specialty keeps its capitals ("Emergency Medicine advisor").
  const slotName = slot.slot === 'specialty-advisor' ? slot.label : slot.label.toLowerCase()
  return (
    <li className="board-suggestion">
      <p className="board-person-name">
        <Link to={suggestion.action === 'request' ? `/mentors/${person.id}` : `/people/${person.id}`}>{person.name}</Link>
        <span className="board-person-headline"> · {suggestion.headline}</span>
      </p>
      {suggestion.reasons.length > 0 ? (
        <p className="board-why">
          <span className="visually-hidden">Why: </span>
          {reasonsSentence(suggestion.reasons)}
        </p>
      ) : null}
      {suggestion.openPlaces !== null && !suggestion.pendingRequestId ? (
        <p className="board-why">
          {suggestion.openPlaces} {suggestion.openPlaces === 1 ? 'place' : 'places'} open
        </p>
      ) : null}
      {suggestion.pendingRequestId ? (
        <p className="tag board-tag-pending">
          {audience === 'student'
            ? `Request sent — waiting for ${firstName(person.name)}’s answer`
            : `${firstName(student.name)} asked ${firstName(person.name)}; waiting for an answer`}
        </p>
      ) : null}
      {audience === 'student' && suggestion.pendingRequestId ? (
        <p>
          <Link to="/mentorships">
            See your requests<span className="visually-hidden"> (to {person.name})</span>
          </Link>
        </p>
      ) : null}
      {audience === 'student' && !suggestion.pendingRequestId ? (
        suggestion.action === 'request' ? (
          <p>
            <Link className="button button-secondary button-small" to={`/mentors/${person.id}#mentor-contact`}>
              Ask {firstName(person.name)} to mentor you
              <span className="visually-hidden"> ({slotName})</span>
            </Link>
          </p>
        ) : (
          <p className="board-why">Ask your advisory dean to introduce you.</p>
        )
      ) : null}
      {canAssign && !assign.isSuccess && !confirming ? (
        <p>
          <button type="button" className="button button-small button-secondary" onClick={() => setConfirming(true)}>
            Assign as {slotName}
            <span className="visually-hidden">: {person.name}</span>
          </button>
        </p>
      ) : null}
      {canAssign && confirming && !assign.isSuccess ? (
        <fieldset className="board-confirm">
          <legend className="visually-hidden">Confirm assigning {person.name}</legend>
          <p>
            Ask {person.name} to be {firstName(student.name)}’s {slotName}? We will e-mail {person.name} to agree or decline; the board shows them as awaiting
            agreement until they answer, {firstName(student.name)} is told once they agree, and you are told if they decline.
          </p>
          <p className="button-row">
            <button
              type="button"
              className="button button-small"
              disabled={assign.isPending}
              // Focus moves into the confirmation, so keyboard users land on the choice they opened.
              ref={(el) => el?.focus()}
              // The board reloads and this suggestion goes: the board itself says what happened.
              onClick={() =>
                assign.mutate(
                  { studentId: student.id, slot: slot.slot as AssignableSlot, personId: person.id, note: '' },
                  { onSuccess: (result) => onAssigned(result.message) },
                )
              }
            >
              {assign.isPending ? 'Asking…' : `Ask ${person.name}`}
            </button>
            <button type="button" className="button button-small button-ghost" disabled={assign.isPending} onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </p>
        </fieldset>
      ) : null}
      {assign.isError ? (
        <p className="notice notice-error" role="alert">
          {errorMessage(assign.error)}
        </p>
      ) : null}
    </li>
  )
}

/** Mentors and advisors who fill no slot: coffee chats, faculty and advisors of another specialty. */
function Others({ others, audience, studentName }: { others: readonly SlotHolder[]; audience: BoardAudience; studentName: string }) {
  if (others.length === 0) return null
  return (
    <section className="card board-others" aria-labelledby="board-others">
      <h2 id="board-others">Also in {possessive(audience, studentName)} corner</h2>
      <p className="muted board-slot-description">
        People who mentor or advise {audience === 'student' ? 'you' : firstName(studentName)} without filling one of the slots above.
      </p>
      <ul className="board-people">
        {others.map((o) => (
          <li key={o.person.id}>
            <p className="board-person-name">
              <Link to={audience === 'student' && o.mentorshipId ? `/mentorships/${o.mentorshipId}` : `/people/${o.person.id}`}>{o.person.name}</Link>
            </p>
            <p className="board-why">{o.why}</p>
          </li>
        ))}
      </ul>
    </section>
  )
}

function SlotCard({
  slot,
  audience,
  student,
  onAssigned,
}: {
  slot: BoardSlot
  audience: BoardAudience
  student: AdvisingBoardView['student']
  onAssigned: OnAssigned
}) {
  const remove = useRemoveFromBoard()
  const headingId = `board-slot-${slot.slot}`
  // Filled only by people still asked: the slot waits on them.
  const awaiting = slot.holders.length > 0 && slot.holders.every((h) => h.awaitingAgreement)
  return (
    <section className={`card board-slot${slot.isEmpty ? ' board-slot-empty' : ''}`} aria-labelledby={headingId}>
      <div className="board-slot-header">
        <h2 id={headingId}>{slot.label}</h2>
        {slot.isEmpty && !slot.isRequired ? (
          <span className="tag">Optional</span>
        ) : (
          <span className={`tag ${slot.isEmpty ? 'board-tag-empty' : awaiting ? 'board-tag-awaiting' : 'board-tag-filled'}`}>
            {slot.isEmpty ? 'Empty' : awaiting ? 'Awaiting agreement' : 'Filled'}
          </span>
        )}
      </div>
      <p className="muted board-slot-description">{slot.description}</p>

      {slot.holders.length > 0 ? (
        <ul className="board-people" aria-label={`Filling the ${slot.label.toLowerCase()} slot`}>
          {slot.holders.map((h) => (
            <li key={h.person.id}>
              <p className="board-person-name">
                <Link to={`/people/${h.person.id}`}>{h.person.name}</Link>
                {/* The slot's own tag says it when everyone in it is still asked. */}
                {h.awaitingAgreement && !awaiting ? <span className="tag board-tag-awaiting">Awaiting agreement</span> : null}
              </p>
              <p className="board-why">{h.why}</p>
              {audience === 'staff' && h.assignmentId ? (
                <button
                  type="button"
                  className="button button-small button-ghost"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(h.assignmentId ?? '')}
                >
                  Remove
                  <span className="visually-hidden">
                    {' '}
                    {h.person.name} from the {slot.label.toLowerCase()} slot
                  </span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}

      {slot.flag ? (
        <p className="notice notice-warning board-flag">
          <span className="visually-hidden">Needs attention: </span>
          {slot.flag}
        </p>
      ) : null}

      {slot.former.length > 0 ? (
        <div className="board-former">
          <h3>No longer in this slot</h3>
          <ul className="board-people">
            {slot.former.map((f) => (
              <li key={f.person.id}>
                <p className="board-person-name">
                  <Link to={`/people/${f.person.id}`}>{f.person.name}</Link>
                </p>
                <p className="board-why">{f.why}</p>
                {audience === 'staff' && f.assignmentId ? (
                  <button
                    type="button"
                    className="button button-small button-ghost"
                    disabled={remove.isPending}
                    onClick={() => remove.mutate(f.assignmentId ?? '')}
                  >
                    Remove<span className="visually-hidden"> {f.person.name}’s old assignment</span>
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {slot.isEmpty && slot.suggestions.length > 0 ? (
        <div className="board-suggestions">
          <h3>{audience === 'student' ? 'People who could fill it' : `Suggested for ${firstName(student.name)}`}</h3>
          <ul className="board-people">
            {slot.suggestions.map((s) => (
              <Suggestion key={s.person.id} suggestion={s} slot={slot} audience={audience} student={student} onAssigned={onAssigned} />
            ))}
          </ul>
        </div>
      ) : null}
      {slot.isEmpty && slot.isRequired && slot.suggestions.length === 0 && slot.directoryQuery ? (
        <p className="board-why">No one with an open place fits right now.</p>
      ) : null}
      {slot.isEmpty && slot.directoryQuery ? (
        <p>
          <Link to={`/mentors?${slot.directoryQuery}`}>
            Browse more in the directory<span className="visually-hidden"> for the {slot.label.toLowerCase()} slot</span>
          </Link>
        </p>
      ) : null}
      {remove.isError ? (
        <p className="notice notice-error" role="alert">
          {errorMessage(remove.error)}
        </p>
      ) : null}
    </section>
  )
}

/** Every slot of a board, for the student themself or for their advisor. */
export function BoardView({ board, audience }: { board: AdvisingBoardView; audience: BoardAudience }) {
  const [assigned, setAssigned] = useState<string | null>(null)
  return (
    <>
      <p className={assigned ? 'notice notice-success' : 'visually-hidden'} role="status">
        {assigned}
      </p>
      <div className="board-slots">
        {board.slots.map((slot) => (
          <SlotCard key={slot.slot} slot={slot} audience={audience} student={board.student} onAssigned={setAssigned} />
        ))}
        <Others others={board.others} audience={audience} studentName={board.student.name} />
      </div>
    </>
  )
}
