import { useToggleSaved } from './saved-api.ts'

type Props = {
  opportunityId: string
  saved: boolean
  /** Said after "Save" to screen readers where several cards each have one. */
  title?: string
}

/** A toggle: pressed while the opportunity is on the student's saved list. */
export function SaveButton({ opportunityId, saved, title }: Props) {
  const toggle = useToggleSaved(opportunityId)
  // While the change is on its way the button shows what was asked for.
  const pressed = toggle.isPending ? toggle.variables === true : saved
  return (
    <span className="save-toggle">
      <button
        type="button"
        className="button button-secondary button-small save-button"
        aria-pressed={pressed}
        disabled={toggle.isPending}
        onClick={() => toggle.mutate(!pressed)}
      >
        <span aria-hidden="true" className="save-icon">
          {pressed ? '★' : '☆'}
        </span>{' '}
        {pressed ? 'Saved' : 'Save'}
        {title ? <span className="visually-hidden"> {title}</span> : null}
      </button>
      {toggle.isError ? (
        <span role="alert" className="field-error">
          {toggle.error.message}
        </span>
      ) : null}
    </span>
  )
}
