import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react'

type FieldFrame = {
  id: string
  label: ReactNode
  hint?: ReactNode
  error?: string | undefined
}

function describedBy(id: string, hint: ReactNode, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean)
  return ids.length ? ids.join(' ') : undefined
}

function HintAndError({ id, hint, error }: Omit<FieldFrame, 'label'>) {
  return (
    <>
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
    </>
  )
}

export function TextField({ id, label, hint, error, className, ...input }: FieldFrame & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <HintAndError id={id} hint={hint} error={error} />
      <input id={id} type="text" aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...input} />
    </div>
  )
}

export function TextAreaField({ id, label, hint, error, ...textarea }: FieldFrame & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const length = typeof textarea.value === 'string' ? textarea.value.length : undefined
  const max = textarea.maxLength
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <HintAndError id={id} hint={hint} error={error} />
      <textarea id={id} rows={5} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...textarea} maxLength={undefined} />
      {max !== undefined && length !== undefined ? (
        <p className={`field-count${length > max ? ' field-count-over' : ''}`}>
          {length > max ? `${length - max} characters too many` : `${max - length} characters left`}
        </p>
      ) : null}
    </div>
  )
}

export type Option = { value: string; label: string; description?: string }

export function SelectField({
  id,
  label,
  hint,
  error,
  options,
  placeholder,
  ...select
}: FieldFrame & SelectHTMLAttributes<HTMLSelectElement> & { options: readonly Option[]; placeholder?: string }) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <HintAndError id={id} hint={hint} error={error} />
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...select}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )
}

type GroupProps = FieldFrame & {
  name: string
  options: readonly Option[]
  columns?: boolean
}

export function CheckboxGroup({
  id,
  label,
  hint,
  error,
  name,
  options,
  values,
  onChange,
  columns = true,
}: GroupProps & { values: readonly string[]; onChange: (values: string[]) => void }) {
  const toggle = (value: string, checked: boolean) => {
    // Keep the options' order so the saved list does not depend on click order.
    const next = new Set(values)
    if (checked) next.add(value)
    else next.delete(value)
    onChange(options.map((o) => o.value).filter((v) => next.has(v)))
  }
  return (
    <fieldset id={id} tabIndex={-1} className={`field choice-group${error ? ' field-invalid' : ''}`} aria-describedby={describedBy(id, hint, error)}>
      <legend>{label}</legend>
      <HintAndError id={id} hint={hint} error={error} />
      <div className={columns ? 'choices choices-columns' : 'choices'}>
        {options.map((option) => (
          <label className="choice" key={option.value}>
            <input
              type="checkbox"
              name={name}
              value={option.value}
              checked={values.includes(option.value)}
              onChange={(event) => toggle(option.value, event.currentTarget.checked)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}

export function RadioGroup({
  id,
  label,
  hint,
  error,
  name,
  options,
  value,
  onChange,
  columns = false,
}: GroupProps & { value: string; onChange: (value: string) => void }) {
  return (
    <fieldset id={id} tabIndex={-1} className={`field choice-group${error ? ' field-invalid' : ''}`} aria-describedby={describedBy(id, hint, error)}>
      <legend>{label}</legend>
      <HintAndError id={id} hint={hint} error={error} />
      <div className={columns ? 'choices choices-columns' : 'choices'}>
        {options.map((option) => (
          <label className="choice" key={option.value}>
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              aria-describedby={option.description ? `${id}-${option.value}-description` : undefined}
            />
            <span>
              {option.label}
              {option.description ? (
                <span id={`${id}-${option.value}-description`} className="choice-description">
                  {option.description}
                </span>
              ) : null}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}

export function Checkbox({ id, label, hint, error, ...input }: FieldFrame & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <HintAndError id={id} hint={undefined} error={error} />
      <label className="choice" htmlFor={id}>
        <input id={id} type="checkbox" aria-describedby={describedBy(id, hint, error)} {...input} />
        <span>
          {label}
          {hint ? (
            <span id={`${id}-hint`} className="choice-description">
              {hint}
            </span>
          ) : null}
        </span>
      </label>
    </div>
  )
}

export function optionsFrom<T extends string>(values: readonly T[], labels: Record<T, string>): Option[] {
  return values.map((value) => ({ value, label: labels[value] }))
}
