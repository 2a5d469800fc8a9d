import { forwardRef, type ChangeEvent, type ReactNode } from 'react'
import { fileSize } from './letter-format.ts'

const MB = 1024 * 1024

function latin1(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (byte) => String.fromCharCode(byte)).join('')
}

/**
 * The checks the server makes (decision 008), made first in the browser so a wrong file is
 * caught before it is sent: a PDF by its content, complete, within the size limit. The server
 * checks again and has the last word.
 */
export async function checkPdfFile(file: File, maxBytes: number): Promise<string | null> {
  if (file.size === 0) return 'The file is empty. Choose a PDF file.'
  if (file.size > maxBytes) return `This file is ${fileSize(file.size)}. Choose a PDF of ${maxBytes / MB} MB or less.`
  const head = latin1(await file.slice(0, 8).arrayBuffer())
  if (!head.startsWith('%PDF-')) return 'This file is not a PDF. Save or export it as a PDF and choose that.'
  const tail = latin1(await file.slice(Math.max(0, file.size - 1024)).arrayBuffer())
  if (!tail.includes('%%EOF')) return 'This PDF seems incomplete. Export it again and choose the new file.'
  return null
}

type Props = {
  id: string
  label: ReactNode
  hint: ReactNode
  maxBytes: number
  error?: string | null | undefined
  /** The chosen file once it passes the checks, or null with what is wrong. */
  onChoose: (file: File | null, problem: string | null) => void
}

/** A labelled PDF chooser whose hint and error are read with it. */
export const PdfFileField = forwardRef<HTMLInputElement, Props>(function PdfFileField({ id, label, hint, maxBytes, error, onChoose }, ref) {
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0] ?? null
    if (!file) return onChoose(null, null)
    void checkPdfFile(file, maxBytes).then((problem) => onChoose(problem ? null : file, problem))
  }
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
      {error ? (
        <p id={`${id}-error`} className="field-error" role="alert">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      <input
        ref={ref}
        id={id}
        type="file"
        accept="application/pdf,.pdf"
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
        onChange={onChange}
      />
    </div>
  )
})
