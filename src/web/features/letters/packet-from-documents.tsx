import { useId, useState } from 'react'
import type { LetterRequestView } from '#shared/contracts/letters.ts'
import type { LetterPacketDocument } from '#shared/enums.ts'
import { errorMessage } from '../../api/client.ts'
import { useAttachPacketVersion } from '../../api/letters.ts'
import { SelectField } from '../../components/fields.tsx'
import { useMyDocuments } from '../materials/api.ts'
import { packetNoun } from './letter-format.ts'

/**
 * Instead of a PDF from elsewhere, the latest version of one of the student's own documents of
 * the same kind (a CV, a personal statement), which the server turns into a clean PDF with their
 * name and no reviewers' comments. Shown only when the student has such a document.
 */
export function PacketFromDocuments({
  request,
  document,
  label,
  onSaved,
}: {
  request: LetterRequestView
  document: LetterPacketDocument
  label: string
  onSaved: (message: string) => void
}) {
  const id = useId()
  const documents = useMyDocuments()
  const attach = useAttachPacketVersion()
  const [versionId, setVersionId] = useState('')
  const [error, setError] = useState<string | undefined>()
  const mine = (documents.data?.items ?? []).filter((d) => d.kind === document)
  if (mine.length === 0) return null
  const options = mine.map((d) => ({ value: d.latestVersion.id, label: `${d.title}, version ${d.latestVersion.number}` }))
  const chosen = versionId || options[0]?.value || ''

  const onAttach = () => {
    setError(undefined)
    attach.mutate(
      { id: request.id, document, versionId: chosen },
      {
        onSuccess: () => onSaved(`${label} from your documents saved as a PDF. ${request.writer.name} can download it now.`),
        onError: (failure) => setError(errorMessage(failure)),
      },
    )
  }

  return (
    <div className="packet-from-documents">
      <SelectField
        id={`${id}-version`}
        label={`Or use your ${packetNoun(label)} from My documents`}
        hint="Its latest version becomes a PDF with your name and its text; reviewers’ comments are not included."
        options={options}
        value={chosen}
        error={error}
        onChange={(e) => setVersionId(e.currentTarget.value)}
      />
      <button type="button" className="button button-secondary" onClick={onAttach} disabled={attach.isPending}>
        {attach.isPending ? 'Saving…' : `Use this ${packetNoun(label)}`}
      </button>
    </div>
  )
}
