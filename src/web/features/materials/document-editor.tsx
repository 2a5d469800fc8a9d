import type { MaterialKind } from '#shared/reference/application-limits.ts'
import { CharacterCount } from './character-count.tsx'
import { PlainPreview } from './plain-preview.tsx'

/**
 * Where a document is written: a plain text area (what ERAS takes), the live count against the
 * limits, and a preview of how the text reads. Decision 016 says why it is not a rich-text editor.
 */
export function DocumentEditor({
  id,
  label,
  kind,
  value,
  error,
  onChange,
}: {
  id: string
  label: string
  kind: MaterialKind
  value: string
  error: string | undefined
  onChange: (next: string) => void
}) {
  return (
    <div className="materials-editor">
      <div className={`field${error ? ' field-invalid' : ''}`}>
        <label htmlFor={id}>{label}</label>
        <p id={`${id}-hint`} className="field-hint">
          Plain text. A blank line starts a paragraph; “# ” starts a heading, “- ” a list item, **bold** and *italic* show in the preview.
        </p>
        {error ? (
          <p id={`${id}-error`} className="field-error">
            <span className="visually-hidden">Error: </span>
            {error}
          </p>
        ) : null}
        <textarea
          id={id}
          rows={16}
          value={value}
          spellCheck
          aria-invalid={error ? true : undefined}
          aria-describedby={[`${id}-hint`, error ? `${id}-error` : null, `${id}-count`].filter(Boolean).join(' ')}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
        <CharacterCount id={`${id}-count`} text={value} kind={kind} />
      </div>
      <div className="materials-preview-frame">
        <h3 id={`${id}-preview-heading`}>Preview</h3>
        <PlainPreview text={value} labelledBy={`${id}-preview-heading`} />
      </div>
    </div>
  )
}
