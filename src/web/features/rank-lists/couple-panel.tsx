import { useId, useState } from 'react'
import type { RankListView } from '#shared/contracts/rank-lists.ts'
import { AppError } from '#shared/errors.ts'
import { errorMessage } from '../../api/client.ts'
import { useConfirmCouple, useInvitePartner, useUnlinkCouple } from './rank-lists-api.ts'

/**
 * Couples in the match: one partner invites the other by e-mail, the other confirms, and from
 * then on their primary lists are read line by line as pairs (NRMP couples rules).
 */
export function CouplePanel({ view }: { view: RankListView }) {
  const id = useId()
  const [email, setEmail] = useState('')
  const [confirmUnlink, setConfirmUnlink] = useState(false)
  const invite = useInvitePartner()
  const confirm = useConfirmCouple()
  const unlink = useUnlinkCouple()
  const couple = view.couple
  const failure = invite.error ?? confirm.error ?? unlink.error
  const emailError = invite.error instanceof AppError ? invite.error.fields?.partnerEmail : undefined

  return (
    <section className="card rol-card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Couples match</h2>
      {!couple ? (
        <>
          <p className="field-hint">
            Matching with a partner? Link your lists: each line becomes a pair of programs, one for each of you, and you both edit the same pairs.
          </p>
          <form
            className="form"
            onSubmit={(event) => {
              event.preventDefault()
              invite.mutate(email.trim(), { onSuccess: () => setEmail('') })
            }}
          >
            <div className={`field${emailError ? ' field-invalid' : ''}`}>
              <label htmlFor={`${id}-email`}>Your partner’s e-mail</label>
              {emailError ? (
                <p id={`${id}-error`} className="field-error">
                  {emailError}
                </p>
              ) : null}
              <input
                id={`${id}-email`}
                type="email"
                autoComplete="off"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                aria-describedby={emailError ? `${id}-error` : undefined}
              />
            </div>
            <button type="submit" className="button button-secondary" disabled={invite.isPending || !email.trim()}>
              {invite.isPending ? 'Inviting…' : 'Invite partner'}
            </button>
          </form>
        </>
      ) : !couple.confirmed && couple.invitedByMe ? (
        <>
          <p>Waiting for {couple.partner.name} to confirm. Your list stays your own until they do.</p>
          <button type="button" className="button button-ghost" disabled={unlink.isPending} onClick={() => unlink.mutate(undefined)}>
            Withdraw the invitation
          </button>
        </>
      ) : !couple.confirmed ? (
        <>
          <p>
            <strong>{couple.partner.name}</strong> asked to link your rank order lists as a couple. If you confirm, both lists become pairs of equal length (the
            shorter one is filled with “No Match” lines you can change).
          </p>
          <div className="button-row">
            <button type="button" className="button" disabled={confirm.isPending} onClick={() => confirm.mutate(undefined)}>
              Confirm the couple
            </button>
            <button type="button" className="button button-ghost" disabled={unlink.isPending} onClick={() => unlink.mutate(undefined)}>
              Decline
            </button>
          </div>
        </>
      ) : (
        <>
          <p>
            Your list is linked with <strong>{couple.partner.name}</strong>’s. Each line pairs your program with theirs.
          </p>
          {confirmUnlink ? (
            <div className="confirm-box">
              <p>Unlink? Both lists become single lists again and “No Match” lines are removed.</p>
              <div className="button-row">
                <button
                  type="button"
                  className="button button-danger"
                  disabled={unlink.isPending}
                  onClick={() => unlink.mutate(undefined, { onSuccess: () => setConfirmUnlink(false) })}
                >
                  Unlink our lists
                </button>
                <button type="button" className="button button-secondary" onClick={() => setConfirmUnlink(false)}>
                  Keep them linked
                </button>
              </div>
            </div>
          ) : (
            <button type="button" className="button button-ghost" onClick={() => setConfirmUnlink(true)}>
              Unlink…
            </button>
          )}
        </>
      )}
      {failure && !emailError ? (
        <p role="alert" className="notice notice-error">
          {errorMessage(failure)}
        </p>
      ) : null}
    </section>
  )
}
