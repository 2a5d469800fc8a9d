/**
 * Bios and career goals composed from varied sentence templates, so that a directory page of
 * demo mentors reads like the real thing rather than "Bio 17". Everything is written in the
 * first person, as mentors write their own profiles, which also keeps pronouns out of it.
 */
import type { Random } from '../random.ts'

export const HOBBIES: readonly string[] = [
  'running the river trail before clinic',
  "coaching my daughter's soccer team",
  'baking bread badly but enthusiastically',
  'playing viola in a community orchestra',
  'hiking with my dog',
  'cooking my grandmother’s recipes',
  'cycling, including a yearly charity ride',
  'gardening and losing to the rabbits',
  'rock climbing',
  'reading historical fiction',
  'woodworking',
  'playing pickup basketball',
  'camping with my family',
  'photography',
  'swimming',
  'learning to play the piano as an adult',
  'trying every taco truck in town',
  'volunteering at a free clinic',
  'birdwatching',
  'playing chess online',
  'fishing on Lake Erie',
  'training for my next half marathon',
  'knitting during long meetings',
  'watching college football',
]

const MENTORING_LINES: readonly string[] = [
  'I enjoy helping students figure out what they actually like about medicine, which is not always what they expected.',
  'I have advised students through every step of the residency application and am happy to read drafts.',
  'I remember how opaque the path felt as a student, and I try to make it clearer for the people I mentor.',
  'I like meeting with students early, long before anyone has to decide on a specialty.',
  'Students who are not sure whether they belong in this field are especially welcome to reach out.',
  'I have mentored students on research projects that ended in posters and papers, and I am glad to do more.',
  'I believe good mentorship is mostly listening, and I try to practice that.',
  'I can help with finding a research project, preparing for sub-internships and planning a fourth-year schedule.',
  'I am always happy to talk about balancing a career in medicine with a family.',
  'Students are welcome to shadow me in clinic; it is the best way to see what the work is like day to day.',
]

/** "an Emergency Medicine", "a Urology" would be wrong too: by the sound, for the phrases the demo uses. */
export function article(phrase: string): string {
  return /^([aeio]|u(?![nr]i|s[eu]|ro))/i.test(phrase.trim()) ? `an ${phrase}` : `a ${phrase}`
}

/** Sites named like places take "the" in a sentence; "University Hospital" does not. */
export function atSite(site: string): string {
  return /^(University Hospital|County General Hospital|Children's Hospital|the )/.test(site) ? site : `the ${site}`
}

/** A specialty's name as people say it: "Plastic Surgery", not "Plastic Surgery (Integrated)". */
export function spokenSpecialty(name: string): string {
  return name.replace(/\s*\(Integrated\)$/, '')
}

function listPhrase(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? ''
  if (items.length === 2) return `${items[0]} and ${items[1]}`
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}

function sentence(text: string): string {
  const trimmed = text.trim()
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1)
}

export type FacultyBioInput = {
  rankPhrase: string
  departmentName: string
  subspecialty: string
  site: string
  focus: readonly string[]
  research: readonly string[]
  trainingCity: string
  yearsOnFaculty: number
  basicScience: boolean
}

export function facultyBio(random: Random, input: FacultyBioInput): string {
  const parts: string[] = []
  const division = input.subspecialty && input.subspecialty !== input.departmentName ? ` (${input.subspecialty})` : ''
  const opening = random.pick([
    `I am ${article(input.rankPhrase)} in the Department of ${input.departmentName}${division} and work at ${atSite(input.site)}.`,
    `I have been on the faculty in ${input.departmentName} for ${input.yearsOnFaculty} years, most of them at ${atSite(input.site)}.`,
    `I joined the Department of ${input.departmentName} ${input.yearsOnFaculty <= 1 ? 'this past year' : `${input.yearsOnFaculty} years ago`} as ${article(input.rankPhrase)}${division}.`,
    `I am ${article(input.rankPhrase)} of ${input.departmentName} and see patients at ${atSite(input.site)}.`,
  ])
  parts.push(input.basicScience ? opening.replace(/ and see patients at .*\.$/, ` with a laboratory in ${input.site}.`) : opening)

  if (input.basicScience) {
    const topics = listPhrase(input.research.slice(0, 2))
    parts.push(
      random.pick([
        `My laboratory studies ${topics}.`,
        `My group works on ${topics}, and medical students have joined us for summer projects and research years.`,
        `I teach in the first-year curriculum, and my research focuses on ${topics}.`,
      ]),
    )
    parts.push(
      random.pick([
        'I advise students in the MD-PhD program and anyone weighing a career as a physician-scientist.',
        'I am glad to help students plan a research year or find a lab that fits their interests.',
        'Students with no research background are welcome; everyone starts somewhere.',
      ]),
    )
  } else {
    const focus = input.focus[0] ?? input.subspecialty
    parts.push(
      random.pick([
        `My clinical work focuses on ${focus}.`,
        `Most of my clinical time is spent on ${focus}${input.focus[1] ? `, with some ${input.focus[1]}` : ''}.`,
        `After residency in ${input.trainingCity}, I came here to build a practice in ${focus}.`,
        `I trained in ${input.trainingCity} and now care for patients with a focus on ${focus}.`,
      ]),
    )
    if (input.research.length > 0 && random.chance(0.75)) {
      parts.push(
        random.pick([
          `My research looks at ${listPhrase(input.research.slice(0, 2))}.`,
          `I also lead projects on ${input.research[0]}, and students have presented this work at national meetings.`,
          `Outside the clinic I work on ${input.research[0]}.`,
        ]),
      )
    }
    parts.push(random.pick(MENTORING_LINES))
  }
  if (random.chance(0.45)) parts.push(sentence(`Outside work I enjoy ${random.pick(HOBBIES)}.`))
  return parts.join(' ')
}

export type TraineeBioInput = {
  pgy: number
  specialtyName: string
  fellowship?: string
  medicalSchoolCity: string
  fromThisSchool: boolean
  interests: readonly string[]
  plan: string
}

export function residentBio(random: Random, input: TraineeBioInput): string {
  const parts: string[] = []
  parts.push(
    random.pick([
      `I am a PGY-${input.pgy} resident in ${input.specialtyName}.`,
      `I'm a PGY-${input.pgy} ${input.specialtyName} resident here.`,
      `PGY-${input.pgy} in ${input.specialtyName}.`,
    ]),
  )
  parts.push(
    input.fromThisSchool
      ? random.pick([
          'I went to medical school here, so I know the curriculum and the clerkships well.',
          'I am a graduate of this school and stayed for residency.',
        ])
      : random.pick([
          `I went to medical school in ${input.medicalSchoolCity} before coming here for residency.`,
          `Before residency I was a student in ${input.medicalSchoolCity}.`,
        ]),
  )
  if (input.interests[0]) parts.push(`I am especially interested in ${listPhrase(input.interests.slice(0, 2))}, and ${input.plan}.`)
  parts.push(
    random.pick([
      'I am happy to talk about choosing a specialty, surviving the clerkships and what residency is really like.',
      'Ask me anything about the application process — it was not long ago for me.',
      'I like helping students prepare for their clerkships and sub-internships.',
      'I can help with mock interviews and with making a rank list you feel good about.',
    ]),
  )
  return parts.join(' ')
}

export function fellowBio(random: Random, input: TraineeBioInput): string {
  const parts: string[] = []
  parts.push(
    random.pick([
      `I am a PGY-${input.pgy} fellow in ${input.fellowship}, after residency in ${input.specialtyName}.`,
      `I'm ${article(input.fellowship ?? '')} fellow (PGY-${input.pgy}); I did my ${input.specialtyName} residency in ${input.medicalSchoolCity}.`,
    ]),
  )
  if (input.interests[0]) parts.push(`My research this year is on ${input.interests[0]}.`)
  parts.push(
    random.pick([
      'I can help students who want to get involved in research or think about subspecialty training.',
      'I enjoy teaching on the wards and am glad to review CVs or talk through fellowship paths.',
      `I'm happy to talk about what it takes to match in ${input.specialtyName} and beyond.`,
    ]),
  )
  return parts.join(' ')
}

export type AlumniBioInput = {
  graduationYear: number
  specialtyName: string
  trainingCity: string
  workplace: string
  city: string
  state: string
  focus: string
}

export function alumniBio(random: Random, input: AlumniBioInput): string {
  const parts: string[] = []
  parts.push(
    random.pick([
      `I graduated in ${input.graduationYear} and did my residency in ${input.specialtyName} in ${input.trainingCity}.`,
      `Class of ${input.graduationYear}. After ${article(input.specialtyName)} residency in ${input.trainingCity}, I moved to ${input.city}.`,
      `I am a ${input.graduationYear} graduate practicing ${input.specialtyName} in ${input.city}, ${input.state}.`,
    ]),
  )
  parts.push(
    random.pick([
      `I now work at ${input.workplace === 'Private practice' || input.workplace === 'Group practice' ? `a ${input.workplace.toLowerCase()}` : input.workplace}, where much of my time goes to ${input.focus}.`,
      `Today my practice centers on ${input.focus}.`,
      `I spend most of my time on ${input.focus}, and I precept students when I can.`,
    ]),
  )
  parts.push(
    random.pick([
      `Happy to talk with students about practicing outside an academic center, or about life in ${input.city}.`,
      'I remember the interview season well and am glad to run mock interviews.',
      'I am glad to read personal statements and talk about what programs are looking for.',
      'I love hearing from students who are considering my specialty or my part of the country.',
    ]),
  )
  return parts.join(' ')
}

export type NearPeerBioInput = { classYear: 'M3' | 'M4'; specialtyName: string | null; highlights: readonly string[] }

export function nearPeerBio(random: Random, input: NearPeerBioInput): string {
  const year = input.classYear === 'M4' ? 'fourth-year' : 'third-year'
  const parts: string[] = []
  parts.push(
    input.specialtyName
      ? random.pick([
          `I am a ${year} student ${input.classYear === 'M4' ? 'applying' : 'interested'} in ${input.specialtyName}.`,
          `${sentence(year)} student; ${input.classYear === 'M4' ? `applying in ${input.specialtyName} this cycle` : `leaning toward ${input.specialtyName}`}.`,
        ])
      : `I am a ${year} student still weighing a few specialties.`,
  )
  parts.push(
    random.pick([
      'I remember how overwhelming first year felt, and I am happy to share what worked for me.',
      'I can help with study plans for Step 1, finding research and picking clerkship order.',
      'I like helping first- and second-year students find their footing.',
      'Ask me about the clerkships, the shelf exams or just how to keep a life outside school.',
    ]),
  )
  if (input.highlights[0]) parts.push(`Outside class I ${input.highlights[0]}.`)
  return parts.join(' ')
}

export const STUDENT_HIGHLIGHTS: readonly string[] = [
  'volunteer at the student-run free clinic',
  'help lead the wilderness medicine interest group',
  'tutor first-years in anatomy',
  'play intramural volleyball',
  'help run our school’s peer wellness program',
  'sing in an a cappella group',
  'coordinate the Spanish-language health fair',
  'mentor high school students in a pipeline program',
  'work on a quality improvement project on the wards',
]

export type CareerGoalsInput = {
  classYear: 'M1' | 'M2' | 'M3' | 'M4' | 'research'
  interests: readonly string[]
  track: string
}

export function careerGoals(random: Random, input: CareerGoalsInput): string {
  const [first, second] = input.interests
  const parts: string[] = []
  switch (input.classYear) {
    case 'M1':
      parts.push(
        first
          ? random.pick([
              `I came to medical school interested in ${first}, but I want to see as much as I can before deciding.`,
              `${first} caught my attention before medical school; I'd like to shadow and find out whether it fits.`,
            ])
          : random.pick([
              'I am undecided and hoping to shadow in a few specialties this year.',
              'I have no idea yet what kind of doctor I want to be, and I am fine with that for now.',
              'I want to take care of patients over a long time, but I have not picked a field.',
            ]),
      )
      break
    case 'M2':
      parts.push(
        first && second
          ? `I am deciding between ${first} and ${second} and would like research experience in one of them before Step 1.`
          : first
            ? `I am leaning toward ${first} and want to start a research project this year.`
            : 'I have not settled on a specialty yet and want to use my clerkships to decide.',
      )
      break
    case 'M3':
      parts.push(
        first
          ? random.pick([
              `After my clerkships I'm leaning toward ${first}${second ? `, with ${second} a close second` : ''}.`,
              `${first} has been my favorite rotation so far and I'm planning a sub-internship.`,
            ])
          : 'My clerkships keep changing my mind; I would like help narrowing down.',
      )
      break
    case 'M4':
      parts.push(
        first
          ? `I'm applying in ${first} this cycle and hope to train at a program with strong teaching and a supportive culture.`
          : 'I am applying this cycle.',
      )
      break
    case 'research':
      parts.push(
        first
          ? `I am spending a research year in ${first} before my final year, working toward a career in academic medicine.`
          : 'I am spending a research year before my final year of school.',
      )
      break
  }
  const trackGoal: Record<string, string> = {
    'MD-PhD': 'Long term I want to be a physician-scientist with my own lab.',
    'MD-MPH': 'I want my career to include public health work, especially in communities like the one I grew up in.',
    'MD-MBA': 'I am interested in leading health systems and improving how care is delivered.',
    'primary-care-scholars': 'I want to practice primary care in an underserved community.',
    'rural-health': 'I plan to go back and practice in a rural community.',
  }
  const extra = trackGoal[input.track]
  if (extra) parts.push(extra)
  else if (random.chance(0.5))
    parts.push(
      random.pick([
        'I would like to stay involved in teaching.',
        'I hope to work with underserved patients wherever I end up.',
        'Global health is important to me.',
        'I want a career that leaves room for family.',
        'I am interested in health policy and advocacy.',
        'I would like to do some clinical research along the way.',
      ]),
    )
  return parts.join(' ')
}
