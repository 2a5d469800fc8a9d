/**
 * What each core specialty is, in a sentence a first-year student can use, and how long its
 * residency takes. Lengths are the ones the ACGME accredits, from its program requirements for
 * the specialty (section "Length of the educational program"), counting a first clinical year
 * taken elsewhere (a preliminary or transitional year) where the specialty needs one. Read from
 * the ACGME's published requirements in 2026-12: check there before relying on one, since the
 * requirements are revised (emergency medicine's length was under review).
 */
export type SpecialtyGuide = { about: string; trainingYears: string; trainingDetail: string }

const PRELIM = 'a first clinical year (preliminary or transitional), then'

export const SPECIALTY_GUIDE: Readonly<Record<string, SpecialtyGuide>> = {
  anesthesiology: {
    about: 'Care of patients before, during and after surgery and procedures: anaesthesia, pain medicine and critical care.',
    trainingYears: '4 years',
    trainingDetail: 'A clinical base year, then three years of clinical anesthesia (the first year may be in the same program or taken elsewhere).',
  },
  'child-neurology': {
    about: 'Disorders of the brain, nerves and muscles in infants, children and adolescents.',
    trainingYears: '5 years',
    trainingDetail: 'Two years of pediatrics, then three years of child neurology.',
  },
  dermatology: {
    about: 'Diseases of the skin, hair and nails, medical and surgical, including skin cancer.',
    trainingYears: '4 years',
    trainingDetail: `${PRELIM} three years of dermatology.`,
  },
  'diagnostic-radiology': {
    about: 'Diagnosis by imaging — X-ray, CT, MRI, ultrasound — and image-guided procedures.',
    trainingYears: '5 years',
    trainingDetail: `${PRELIM} four years of diagnostic radiology.`,
  },
  'emergency-medicine': {
    about: 'The first hours of any illness or injury, for every age, in the emergency department.',
    trainingYears: '3 or 4 years',
    trainingDetail: 'Programs run either three or four years; the first year is part of the program.',
  },
  'family-medicine': {
    about: 'Continuing care of people of every age and their families, in clinic, hospital and community.',
    trainingYears: '3 years',
    trainingDetail: 'Three years, the first year part of the program.',
  },
  'internal-medicine': {
    about: 'Adult medicine: diagnosis and care of illness in adults, and the route to its many subspecialties.',
    trainingYears: '3 years',
    trainingDetail: 'Three years; subspecialties (cardiology, gastroenterology …) add a fellowship of two or three years.',
  },
  'internal-medicine-pediatrics': {
    about: 'Internal medicine and pediatrics together: care from birth through adult life.',
    trainingYears: '4 years',
    trainingDetail: 'Four years, shared between internal medicine and pediatrics.',
  },
  'interventional-radiology': {
    about: 'Minimally invasive, image-guided treatment through needles and catheters, and the imaging behind it.',
    trainingYears: '6 years',
    trainingDetail: `${PRELIM} five years of integrated interventional radiology.`,
  },
  'neurological-surgery': {
    about: 'Surgery of the brain, spine and nerves.',
    trainingYears: '7 years',
    trainingDetail: 'Seven years, the first year part of the program.',
  },
  neurology: {
    about: 'Disorders of the brain, spinal cord, nerves and muscles in adults: stroke, epilepsy, movement disorders and more.',
    trainingYears: '4 years',
    trainingDetail: 'A first year of internal medicine (in the program or elsewhere), then three years of neurology.',
  },
  'nuclear-medicine': {
    about: 'Diagnosis and treatment with radioactive tracers: PET, scintigraphy and radionuclide therapy.',
    trainingYears: '4 years',
    trainingDetail: `${PRELIM} three years of nuclear medicine.`,
  },
  'obstetrics-gynecology': {
    about: 'Pregnancy and birth, and the health and surgery of the female reproductive system.',
    trainingYears: '4 years',
    trainingDetail: 'Four years, the first year part of the program.',
  },
  ophthalmology: {
    about: 'Medical and surgical care of the eye and vision.',
    trainingYears: '4 years',
    trainingDetail: 'A first clinical year (now usually within the program), then three years of ophthalmology.',
  },
  'orthopaedic-surgery': {
    about: 'Surgery and care of bones, joints, muscles and tendons, from sports injuries to joint replacement.',
    trainingYears: '5 years',
    trainingDetail: 'Five years, the first year part of the program.',
  },
  otolaryngology: {
    about: 'Medical and surgical care of the ear, nose, throat, head and neck.',
    trainingYears: '5 years',
    trainingDetail: 'Five years, the first year part of the program.',
  },
  pathology: {
    about: 'Diagnosis from tissue, cells and laboratory tests: the doctor behind the biopsy result.',
    trainingYears: '4 years',
    trainingDetail: 'Four years for combined anatomic and clinical pathology.',
  },
  pediatrics: {
    about: 'The health of infants, children and adolescents, and the route to its subspecialties.',
    trainingYears: '3 years',
    trainingDetail: 'Three years; subspecialties add a fellowship, usually of three years.',
  },
  'physical-medicine-rehabilitation': {
    about: 'Restoring function after injury and illness: spinal cord and brain injury, stroke, musculoskeletal and sports medicine.',
    trainingYears: '4 years',
    trainingDetail: `${PRELIM} three years of physical medicine and rehabilitation.`,
  },
  'plastic-surgery': {
    about: 'Reconstructive and aesthetic surgery: after injury, cancer and for conditions from birth.',
    trainingYears: '6 years',
    trainingDetail: 'Six years in an integrated program, the first year part of the program.',
  },
  psychiatry: {
    about: 'Diagnosis and treatment of mental illness, by medication, psychotherapy and more.',
    trainingYears: '4 years',
    trainingDetail: 'Four years, the first year part of the program.',
  },
  'radiation-oncology': {
    about: 'Treatment of cancer with radiation, planned with the rest of a patient’s cancer care.',
    trainingYears: '5 years',
    trainingDetail: `${PRELIM} four years of radiation oncology.`,
  },
  'general-surgery': {
    about: 'Operations of the abdomen, breast, skin and soft tissue, trauma and critical care; the route to many surgical fellowships.',
    trainingYears: '5 years',
    trainingDetail: 'Five clinical years; many residents add one or two years of research.',
  },
  'thoracic-surgery': {
    about: 'Surgery of the heart, lungs and chest.',
    trainingYears: '6 years',
    trainingDetail: 'Six years in an integrated program, the first year part of the program.',
  },
  urology: {
    about: 'Medical and surgical care of the kidneys, bladder and urinary tract, and of the male reproductive organs.',
    trainingYears: '5 years',
    trainingDetail: 'Five years, including general surgery training in the first year.',
  },
  'vascular-surgery': {
    about: 'Surgery and endovascular treatment of arteries and veins outside the heart and brain.',
    trainingYears: '5 years',
    trainingDetail: 'Five years in an integrated program, the first year part of the program.',
  },
  'transitional-year': {
    about: 'A broad first clinical year, taken before a specialty that starts in the second year.',
    trainingYears: '1 year',
    trainingDetail: 'One year of rotations across specialties.',
  },
}

/** Where the training lengths come from, in words a student reads under the figure. */
export function trainingSource(acgmeName: string): string {
  return `ACGME Program Requirements for Graduate Medical Education in ${acgmeName}, length of the educational program (read 2026-12; the ACGME revises them).`
}
