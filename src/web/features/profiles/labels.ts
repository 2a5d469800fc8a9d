import { findDepartment, findSpecialty, SPECIALTIES, DEPARTMENTS } from '#shared/reference/specialties.ts'
import type { Option } from '../../components/fields.tsx'

export const specialtyName = (id: string | null | undefined): string => (id ? (findSpecialty(id)?.name ?? id) : '')
export const departmentName = (id: string | null | undefined): string => (id ? (findDepartment(id)?.name ?? id) : '')

const byName = (a: Option, b: Option) => a.label.localeCompare(b.label)
export const SPECIALTY_OPTIONS: Option[] = SPECIALTIES.map((s) => ({ value: s.id, label: s.name })).sort(byName)
export const DEPARTMENT_OPTIONS: Option[] = DEPARTMENTS.map((d) => ({ value: d.id, label: d.name })).sort(byName)

/** Browsers cache photos; the version changes when this person uploads or removes one. */
const photoVersions = new Map<string, number>()
export const photoVersion = (personId: string): number | undefined => photoVersions.get(personId)
export const bumpPhotoVersion = (personId: string): void => void photoVersions.set(personId, Date.now())
