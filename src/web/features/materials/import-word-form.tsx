import { type FormEvent, useState } from 'react'
import type { DocumentView } from '#shared/contracts/materials.ts'
import { LiveStatus } from '../../components/feedback.tsx'
import { problemFrom } from '../../components/form-errors.ts'
import { useImportWord } from './api.ts'

/** Starts the next version from a Word (.docx) file's text: the server reads it and says plainly when it cannot. */
export function ImportWordForm({ doc }: { doc: DocumentView }) {
  const importWord = useImportWord(doc.id)
  const [file, setFile] = useState<File | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setDone(null)
    if (!file) {
      setProblem('Choose a Word (.docx) file first.')
      return
    }
    try {
      const next = await importWord.mutateAsync({ basedOnVersionId: doc.latestVersion.id, file })
      setProblem(null)
      setDone(`Imported as version ${next.latestVersion.number}. Check the text before you share it.`)
    } catch (error) {
      const p = problemFrom(error, ['file', 'basedOnVersionId'])
      setProblem(p.fields.file ?? p.fields.basedOnVersionId ?? p.message ?? 'The file could not be imported.')
    }
  }
  return (
    <form className="materials-import-form" onSubmit={onSubmit} noValidate>
      <label htmlFor="import-word">Start the next version from a Word file (.docx, at most 5 MB; text only)</label>
      <input
        id="import-word"
        type="file"
        accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? 'import-word-error' : undefined}
        onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
      />
      {problem ? (
        <p id="import-word-error" className="field-error">
          {problem}
        </p>
      ) : null}
      <button type="submit" className="button" disabled={importWord.isPending}>
        Import
      </button>
      <LiveStatus message={done} />
    </form>
  )
}
