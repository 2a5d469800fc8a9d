/**
 * The core specialties a student can match into, with the name the ACGME accredits them
 * under. `residencyFacts` ids match the programs of the match engine's generator and the
 * residency explorer. Positions and fill rates come from `docs/data/residency-facts.md`
 * where a figure exists there.
 */

export type Specialty = {
  id: string
  name: string
  acgmeName: string
  /** Department that houses the specialty's advisors. */
  departmentId: string
  /** True where applicants usually also need a preliminary or transitional PGY-1 year. */
  hasAdvancedPrograms: boolean
}

export const SPECIALTIES: readonly Specialty[] = [
  { id: 'anesthesiology', name: 'Anesthesiology', acgmeName: 'Anesthesiology', departmentId: 'anesthesiology', hasAdvancedPrograms: true },
  { id: 'child-neurology', name: 'Child Neurology', acgmeName: 'Child Neurology', departmentId: 'neurology', hasAdvancedPrograms: false },
  { id: 'dermatology', name: 'Dermatology', acgmeName: 'Dermatology', departmentId: 'dermatology', hasAdvancedPrograms: true },
  { id: 'diagnostic-radiology', name: 'Diagnostic Radiology', acgmeName: 'Radiology-Diagnostic', departmentId: 'radiology', hasAdvancedPrograms: true },
  { id: 'emergency-medicine', name: 'Emergency Medicine', acgmeName: 'Emergency Medicine', departmentId: 'emergency-medicine', hasAdvancedPrograms: false },
  { id: 'family-medicine', name: 'Family Medicine', acgmeName: 'Family Medicine', departmentId: 'family-medicine', hasAdvancedPrograms: false },
  { id: 'internal-medicine', name: 'Internal Medicine', acgmeName: 'Internal Medicine', departmentId: 'medicine', hasAdvancedPrograms: false },
  {
    id: 'internal-medicine-pediatrics',
    name: 'Internal Medicine–Pediatrics',
    acgmeName: 'Internal Medicine-Pediatrics',
    departmentId: 'medicine',
    hasAdvancedPrograms: false,
  },
  {
    id: 'interventional-radiology',
    name: 'Interventional Radiology',
    acgmeName: 'Interventional Radiology-Integrated',
    departmentId: 'radiology',
    hasAdvancedPrograms: true,
  },
  { id: 'neurological-surgery', name: 'Neurological Surgery', acgmeName: 'Neurological Surgery', departmentId: 'neurosurgery', hasAdvancedPrograms: false },
  { id: 'neurology', name: 'Neurology', acgmeName: 'Neurology', departmentId: 'neurology', hasAdvancedPrograms: true },
  { id: 'nuclear-medicine', name: 'Nuclear Medicine', acgmeName: 'Nuclear Medicine', departmentId: 'radiology', hasAdvancedPrograms: true },
  {
    id: 'obstetrics-gynecology',
    name: 'Obstetrics and Gynecology',
    acgmeName: 'Obstetrics and Gynecology',
    departmentId: 'obstetrics-gynecology',
    hasAdvancedPrograms: false,
  },
  { id: 'ophthalmology', name: 'Ophthalmology', acgmeName: 'Ophthalmology', departmentId: 'ophthalmology', hasAdvancedPrograms: true },
  { id: 'orthopaedic-surgery', name: 'Orthopaedic Surgery', acgmeName: 'Orthopaedic Surgery', departmentId: 'orthopaedic-surgery', hasAdvancedPrograms: false },
  {
    id: 'otolaryngology',
    name: 'Otolaryngology – Head and Neck Surgery',
    acgmeName: 'Otolaryngology - Head and Neck Surgery',
    departmentId: 'otolaryngology',
    hasAdvancedPrograms: false,
  },
  { id: 'pathology', name: 'Pathology', acgmeName: 'Pathology-Anatomic and Clinical', departmentId: 'pathology', hasAdvancedPrograms: false },
  { id: 'pediatrics', name: 'Pediatrics', acgmeName: 'Pediatrics', departmentId: 'pediatrics', hasAdvancedPrograms: false },
  {
    id: 'physical-medicine-rehabilitation',
    name: 'Physical Medicine and Rehabilitation',
    acgmeName: 'Physical Medicine and Rehabilitation',
    departmentId: 'physical-medicine-rehabilitation',
    hasAdvancedPrograms: true,
  },
  { id: 'plastic-surgery', name: 'Plastic Surgery (Integrated)', acgmeName: 'Plastic Surgery-Integrated', departmentId: 'surgery', hasAdvancedPrograms: false },
  { id: 'psychiatry', name: 'Psychiatry', acgmeName: 'Psychiatry', departmentId: 'psychiatry', hasAdvancedPrograms: false },
  { id: 'radiation-oncology', name: 'Radiation Oncology', acgmeName: 'Radiation Oncology', departmentId: 'radiation-oncology', hasAdvancedPrograms: true },
  { id: 'general-surgery', name: 'General Surgery', acgmeName: 'Surgery', departmentId: 'surgery', hasAdvancedPrograms: false },
  {
    id: 'thoracic-surgery',
    name: 'Thoracic Surgery (Integrated)',
    acgmeName: 'Thoracic Surgery-Integrated',
    departmentId: 'cardiothoracic-surgery',
    hasAdvancedPrograms: false,
  },
  { id: 'urology', name: 'Urology', acgmeName: 'Urology', departmentId: 'urology', hasAdvancedPrograms: false },
  {
    id: 'vascular-surgery',
    name: 'Vascular Surgery (Integrated)',
    acgmeName: 'Vascular Surgery-Integrated',
    departmentId: 'surgery',
    hasAdvancedPrograms: false,
  },
  { id: 'transitional-year', name: 'Transitional Year', acgmeName: 'Transitional Year', departmentId: 'medicine', hasAdvancedPrograms: false },
]

export type Department = { id: string; name: string; kind: 'clinical' | 'basic-science' }

export const DEPARTMENTS: readonly Department[] = [
  { id: 'anesthesiology', name: 'Anesthesiology and Perioperative Medicine', kind: 'clinical' },
  { id: 'cardiothoracic-surgery', name: 'Cardiothoracic Surgery', kind: 'clinical' },
  { id: 'dermatology', name: 'Dermatology', kind: 'clinical' },
  { id: 'emergency-medicine', name: 'Emergency Medicine', kind: 'clinical' },
  { id: 'family-medicine', name: 'Family and Community Medicine', kind: 'clinical' },
  { id: 'medicine', name: 'Medicine', kind: 'clinical' },
  { id: 'neurology', name: 'Neurology', kind: 'clinical' },
  { id: 'neurosurgery', name: 'Neurosurgery', kind: 'clinical' },
  { id: 'obstetrics-gynecology', name: 'Obstetrics, Gynecology and Reproductive Sciences', kind: 'clinical' },
  { id: 'ophthalmology', name: 'Ophthalmology', kind: 'clinical' },
  { id: 'orthopaedic-surgery', name: 'Orthopaedic Surgery', kind: 'clinical' },
  { id: 'otolaryngology', name: 'Otolaryngology – Head and Neck Surgery', kind: 'clinical' },
  { id: 'pathology', name: 'Pathology', kind: 'clinical' },
  { id: 'pediatrics', name: 'Pediatrics', kind: 'clinical' },
  { id: 'physical-medicine-rehabilitation', name: 'Physical Medicine and Rehabilitation', kind: 'clinical' },
  { id: 'psychiatry', name: 'Psychiatry and Behavioral Sciences', kind: 'clinical' },
  { id: 'radiation-oncology', name: 'Radiation Oncology', kind: 'clinical' },
  { id: 'radiology', name: 'Radiology', kind: 'clinical' },
  { id: 'surgery', name: 'Surgery', kind: 'clinical' },
  { id: 'urology', name: 'Urology', kind: 'clinical' },
  { id: 'anatomy', name: 'Anatomy and Cell Biology', kind: 'basic-science' },
  { id: 'biochemistry', name: 'Biochemistry and Molecular Biology', kind: 'basic-science' },
  { id: 'microbiology', name: 'Microbiology and Immunology', kind: 'basic-science' },
  { id: 'pharmacology', name: 'Pharmacology', kind: 'basic-science' },
  { id: 'physiology', name: 'Physiology', kind: 'basic-science' },
  { id: 'population-health', name: 'Population Health and Epidemiology', kind: 'basic-science' },
  { id: 'medical-education', name: 'Medical Education', kind: 'basic-science' },
]

export const SPECIALTY_IDS = SPECIALTIES.map((s) => s.id)
/** The specialties in the order a person looks for them in a menu: by display name. */
export const SPECIALTIES_BY_NAME: readonly Specialty[] = [...SPECIALTIES].sort((a, b) => a.name.localeCompare(b.name, 'en'))
export const DEPARTMENT_IDS = DEPARTMENTS.map((d) => d.id)

export function findSpecialty(id: string): Specialty | undefined {
  return SPECIALTIES.find((s) => s.id === id)
}

export function findDepartment(id: string): Department | undefined {
  return DEPARTMENTS.find((d) => d.id === id)
}
