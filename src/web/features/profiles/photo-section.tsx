import { useEffect, useRef, useState, type ChangeEvent } from 'react'
import type { ProfileResponse } from '#shared/contracts/profiles.ts'
import { useRemovePhoto, useUploadPhoto } from '../../api/profiles.ts'
import { errorMessage } from '../../api/client.ts'
import { Avatar } from '../../components/avatar.tsx'
import { LiveStatus } from '../../components/feedback.tsx'
import { bumpPhotoVersion, photoVersion } from './labels.ts'

const ACCEPTED = ['image/jpeg', 'image/png', 'image/webp']
const MAX_BYTES = 1024 * 1024

export function PhotoSection({ profile }: { profile: ProfileResponse }) {
  const upload = useUploadPhoto()
  const remove = useRemovePhoto()
  const [file, setFile] = useState<File | null>(null)
  const [preview, setPreview] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState<string | null>(null)
  const input = useRef<HTMLInputElement>(null)
  const { person } = profile

  useEffect(() => {
    if (!file) return setPreview(null)
    const url = URL.createObjectURL(file)
    setPreview(url)
    return () => URL.revokeObjectURL(url)
  }, [file])

  const onChoose = (event: ChangeEvent<HTMLInputElement>) => {
    setSaved(null)
    const chosen = event.currentTarget.files?.[0] ?? null
    if (!chosen) return setFile(null)
    if (!ACCEPTED.includes(chosen.type)) {
      setFile(null)
      return setError('Choose a JPEG, PNG or WebP image.')
    }
    if (chosen.size > MAX_BYTES) {
      setFile(null)
      return setError(`This image is ${(chosen.size / MAX_BYTES).toFixed(1)} MB. Choose one of 1 MB or less.`)
    }
    setError(null)
    setFile(chosen)
  }

  const clearChoice = () => {
    setFile(null)
    if (input.current) input.current.value = ''
  }

  const onUpload = () => {
    if (!file) return
    upload.mutate(file, {
      onSuccess: () => {
        bumpPhotoVersion(person.id)
        clearChoice()
        setSaved('Your new photo is saved.')
        // The button just used is gone; keep the keyboard user in the same place.
        input.current?.focus()
      },
      onError: (failure) => setError(errorMessage(failure)),
    })
  }

  const onRemove = () => {
    remove.mutate(undefined, {
      onSuccess: () => {
        bumpPhotoVersion(person.id)
        setSaved('Your photo was removed.')
        input.current?.focus()
      },
      onError: (failure) => setError(errorMessage(failure)),
    })
  }

  return (
    <section id="photo" className="card edit-section" aria-labelledby="edit-photo" tabIndex={-1}>
      <h2 id="edit-photo">Photo</h2>
      <div className="photo-row">
        <div className="photo-current">
          {preview ? (
            // biome-ignore lint/a11y/noRedundantAlt: the photo is what the preview shows; the words name it
            <img className="avatar avatar-lg" src={preview} alt="Preview of your new photo" />
          ) : (
            <Avatar personId={person.id} name={person.name} hasPhoto={person.hasPhoto} size="lg" version={photoVersion(person.id)} />
          )}
        </div>
        <div className="photo-controls">
          <div className={`field${error ? ' field-invalid' : ''}`}>
            <label htmlFor="photo-file">{person.hasPhoto ? 'Choose a new photo' : 'Choose a photo'}</label>
            <p id="photo-file-hint" className="field-hint">
              A clear photo of your face helps people recognize you. JPEG, PNG or WebP, up to 1 MB.
            </p>
            {error ? (
              <p id="photo-file-error" className="field-error" role="alert">
                <span className="visually-hidden">Error: </span>
                {error}
              </p>
            ) : null}
            <input
              ref={input}
              id="photo-file"
              type="file"
              accept={ACCEPTED.join(',')}
              aria-describedby={`photo-file-hint${error ? ' photo-file-error' : ''}`}
              aria-invalid={error ? true : undefined}
              onChange={onChoose}
            />
          </div>
          <div className="button-row">
            {file ? (
              <>
                <button type="button" className="button" onClick={onUpload} disabled={upload.isPending}>
                  {upload.isPending ? 'Uploading…' : 'Save this photo'}
                </button>
                <button type="button" className="button button-secondary" onClick={clearChoice}>
                  Cancel
                </button>
              </>
            ) : null}
            {!file && person.hasPhoto ? (
              <button type="button" className="button button-secondary" onClick={onRemove} disabled={remove.isPending}>
                Remove photo
              </button>
            ) : null}
          </div>
          <LiveStatus message={saved} />
        </div>
      </div>
    </section>
  )
}
