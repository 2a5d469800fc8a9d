import { photoUrl } from '../api/profiles.ts'

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean)
  const first = parts[0]?.[0] ?? '?'
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : ''
  return (first + last).toUpperCase()
}

/** Decorative: the person's name is always written next to it. */
export function Avatar({
  personId,
  name,
  hasPhoto,
  size = 'md',
  version,
}: {
  personId: string
  name: string
  hasPhoto: boolean
  size?: 'sm' | 'md' | 'lg'
  version?: string | number
}) {
  if (hasPhoto) {
    return <img className={`avatar avatar-${size}`} src={photoUrl(personId, version)} alt="" />
  }
  return (
    <span className={`avatar avatar-${size} avatar-initials`} aria-hidden="true">
      {initials(name)}
    </span>
  )
}
