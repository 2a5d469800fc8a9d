import {
  APPLICATION_LIMITS,
  countCharacters,
  limitState,
  MATERIAL_KIND_LABELS,
  MATERIAL_STORAGE_LIMIT,
  type MaterialKind,
} from '#shared/reference/application-limits.ts'

const n = (value: number) => value.toLocaleString('en-US')

/**
 * The live count of a text against the application limit of its kind, when one is on record
 * with a source, and against Preceptor's own storage limit. It warns from 90 % of a limit on,
 * in words (not colour alone); over the storage limit the save is refused with the same words.
 * Only the warning is in the live region, so the count itself is not read out at every keystroke.
 */
export function CharacterCount({ id, text, kind }: { id: string; text: string; kind: MaterialKind }) {
  const count = countCharacters(text)
  const limit = APPLICATION_LIMITS[kind]
  const application = limitState(count, limit.characters)
  const storage = limitState(count, MATERIAL_STORAGE_LIMIT)
  const warning =
    storage === 'over'
      ? `Too long to save: ${n(count - MATERIAL_STORAGE_LIMIT)} characters over Preceptor’s limit of ${n(MATERIAL_STORAGE_LIMIT)}.`
      : application === 'over'
        ? `Over the limit by ${n(count - (limit.characters ?? 0))} characters.`
        : application === 'near'
          ? `Close to the limit: ${n((limit.characters ?? 0) - count)} characters left.`
          : storage === 'near'
            ? `Close to Preceptor’s limit of ${n(MATERIAL_STORAGE_LIMIT)} characters.`
            : null
  return (
    <div id={id} className="materials-count">
      <p>
        <strong>{n(count)}</strong>
        {limit.characters !== null ? ` of ${n(limit.characters)}` : ''} characters, spaces included.
      </p>
      {limit.characters !== null && limit.source ? (
        <p className="field-hint">Limit: {limit.source}</p>
      ) : (
        <p className="field-hint">
          No sourced application limit is on record for a {MATERIAL_KIND_LABELS[kind].toLowerCase()}, so none is shown; check the current ERAS instructions.
        </p>
      )}
      <div role="status" aria-live="polite">
        {warning ? (
          <p className={`notice ${storage === 'over' || application === 'over' ? 'notice-error' : 'notice-warning'}`}>
            <span className="visually-hidden">Warning: </span>
            {warning}
          </p>
        ) : null}
      </div>
    </div>
  )
}
