import { useEffect, useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react'
import { errorMessage } from '../api/client.ts'
import { TextField } from './fields.tsx'

/**
 * The pieces every CSV import page shares (programs, past outcomes): choose a file, check it
 * (nothing saved), read the report row by row, then import. Each page keeps its own words and
 * its own report; the flow, the file field and the table of rejected rows are one.
 */

type CsvImportOptions<Report> = {
  /** Larger files are refused in the browser, before any upload. */
  maxBytes: number
  /** What to say of a file over `maxBytes` (its size in MB given). */
  tooLarge: (megabytes: string) => string
  /** Sends the file: a check when `dryRun`, the import otherwise. */
  send: (file: File, dryRun: boolean) => Promise<Report>
}

export function useCsvImport<Report>({ maxBytes, tooLarge, send }: CsvImportOptions<Report>) {
  const [file, setFile] = useState<File | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)
  const [report, setReport] = useState<Report | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const resultRef = useRef<HTMLHeadingElement>(null)

  const go = async (dryRun: boolean) => {
    setFailure(null)
    if (!file) {
      setFileError('Choose a CSV file first.')
      return
    }
    if (file.size > maxBytes) {
      setFileError(tooLarge((file.size / 1024 / 1024).toFixed(1)))
      return
    }
    try {
      setReport(await send(file, dryRun))
    } catch (cause) {
      setFailure(errorMessage(cause))
    }
  }

  return {
    report,
    failure,
    fileError,
    resultRef,
    /** Checks the file (the form's submit). */
    onCheck: (event: FormEvent) => {
      event.preventDefault()
      void go(true)
    },
    /** Imports the file checked. */
    onImport: () => void go(false),
    /** A new file: the old report and error no longer apply. */
    onFile: (chosen: File | null) => {
      setFile(chosen)
      setFileError(null)
      setReport(null)
    },
  }
}

/** The report's heading takes focus once it is on screen, so a screen reader reads it next. */
export function useFocusOnReport(report: unknown, headingRef: RefObject<HTMLHeadingElement | null>) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: each new report takes focus
  useEffect(() => {
    headingRef.current?.focus()
  }, [report, headingRef])
}

/** The file input with its hint and error: a text field's frame, of type file. */
export function CsvFileField({ id, hint, error, onFile }: { id: string; hint: ReactNode; error: string | null; onFile: (file: File | null) => void }) {
  return (
    <TextField
      id={id}
      label="CSV file"
      hint={hint}
      error={error ?? undefined}
      type="file"
      accept=".csv,text/csv"
      onChange={(e) => onFile(e.currentTarget.files?.[0] ?? null)}
    />
  )
}

/** While a check or an import runs, and what went wrong when it failed. */
export function CsvImportStatus({
  pending,
  dryRun,
  importingLabel,
  className,
  failure,
}: {
  pending: boolean
  dryRun: boolean
  /** The progress bar's name while importing ("Importing programs"). */
  importingLabel: string
  className: string
  failure: string | null
}) {
  return (
    <>
      <div role="status" aria-live="polite">
        {pending ? (
          <div className={`card ${className}`}>
            <p>{dryRun ? 'Checking every row…' : 'Importing… keep this page open.'}</p>
            <progress aria-label={dryRun ? 'Checking the file' : importingLabel} />
          </div>
        ) : null}
      </div>
      {failure ? (
        <div role="alert" className="notice notice-error">
          <p>{failure}</p>
        </div>
      ) : null}
    </>
  )
}

export type CsvReject = { row: number; column: string | null; message: string }

/** The rejected rows of a check, row by row; the first ones only when there were many. */
export function CsvRejectsTable({
  rejects,
  rejectCount,
  caption,
  label,
  wrapClassName,
  tableClassName,
}: {
  rejects: readonly CsvReject[]
  rejectCount: number
  caption: string
  label: string
  wrapClassName: string
  tableClassName: string
}) {
  if (rejects.length === 0) return null
  return (
    <div className={wrapClassName} role="region" aria-label={label} tabIndex={0}>
      <table className={tableClassName}>
        <caption>
          {caption}
          {rejectCount > rejects.length ? ` (the first ${rejects.length} of ${rejectCount})` : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Column</th>
            <th scope="col">Problem</th>
          </tr>
        </thead>
        <tbody>
          {rejects.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a checked file's rejects never reorder; one cell may have two
            <tr key={`${r.row}-${r.column}-${i}`}>
              <td>{r.row}</td>
              <td>{r.column ?? 'whole row'}</td>
              <td>{r.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
