import type { RubricCompetency } from '#shared/contracts/mock-interviews.ts'
import type { MockQuestionKind } from '#shared/enums.ts'

const levels = (anchors: readonly [string, string, string, string, string]) =>
  (['Not yet', 'Developing', 'Competent', 'Strong', 'Outstanding'] as const).map((label, i) => ({ score: i + 1, label, anchor: anchors[i] ?? '' }))

/**
 * The demo school's mock-interview rubric: five competencies, each with five anchored levels,
 * in the spirit of the structured-interview rubrics residency programs publish (behaviourally
 * anchored rating scales). A school replaces it with its own (Admin, or PUT /api/mock-interviews/school).
 */
export const DEMO_RUBRIC: readonly RubricCompetency[] = [
  {
    id: 'tell-me-about-yourself',
    name: 'Tell me about yourself',
    description: 'The opening answer: a short story of who the applicant is and why this specialty.',
    levels: levels([
      'Recites the CV in order, or runs past three minutes with no thread.',
      'Some thread, but mostly a list; the reason for the specialty comes late or vaguely.',
      'A clear two-minute story with a reason for the specialty.',
      'A memorable story that links experiences to the specialty and invites a follow-up.',
      'Concise, personal and specific; the interviewer could retell it afterwards.',
    ]),
  },
  {
    id: 'communication',
    name: 'Communication',
    description: 'Listening, structure of answers, clarity, manner.',
    levels: levels([
      'Answers a different question, or is hard to follow.',
      'Understood, but rambling or clipped; little eye contact or warmth.',
      'Answers are structured and clear; listens to the question.',
      'Structured, warm and at ease; checks understanding.',
      'Exceptionally clear and engaging; adapts to the interviewer.',
    ]),
  },
  {
    id: 'professionalism',
    name: 'Professionalism',
    description: 'Honesty, accountability, respect for patients and colleagues.',
    levels: levels([
      'Blames others or speaks of patients or colleagues with disrespect.',
      'Acknowledges a mistake only when pressed.',
      'Owns mistakes and names what was learned.',
      'Reflects on a lapse with insight and a change of practice.',
      'Shows mature judgement about a hard ethical situation.',
    ]),
  },
  {
    id: 'insight-into-specialty',
    name: 'Insight into the specialty',
    description: 'Knows what the work and the training are really like, and why they fit.',
    levels: levels([
      'Reasons are generic ("I like everything about it").',
      'Knows the specialty from rotations only; little sense of its hard parts.',
      'Describes the daily work and the training with some realism.',
      'Knows the trade-offs and how they fit the applicant; has talked to people in it.',
      'A well-informed, realistic view of the career ahead and of the specialty’s future.',
    ]),
  },
  {
    id: 'difficult-question',
    name: 'A difficult question',
    description: 'A red flag, a gap, a weakness or an ethical scenario, handled calmly and honestly.',
    levels: levels([
      'Avoids the question or becomes defensive.',
      'Answers, but vaguely or with a rehearsed non-answer.',
      'Answers honestly and briefly, then moves forward.',
      'Frames it with context and growth, without excuses.',
      'Turns it into evidence of resilience, convincingly and concisely.',
    ]),
  },
]

/** The demo school's own questions, tagged; `null` specialty: asked in every specialty. */
export const DEMO_QUESTIONS: readonly { specialtyId: string | null; kind: MockQuestionKind; text: string; tags: string[] }[] = [
  { specialtyId: null, kind: 'traditional', text: 'Tell me about yourself.', tags: ['opening'] },
  { specialtyId: null, kind: 'behavioural', text: 'Tell me about a time you made a mistake in patient care. What did you do?', tags: ['professionalism'] },
  { specialtyId: null, kind: 'behavioural', text: 'Describe a conflict with a team member and how it was resolved.', tags: ['teamwork'] },
  { specialtyId: null, kind: 'traditional', text: 'What would your co-residents say is your greatest weakness?', tags: ['difficult question'] },
  { specialtyId: null, kind: 'traditional', text: 'Where do you see yourself in ten years?', tags: ['career goals'] },
  {
    specialtyId: null,
    kind: 'mmi-station',
    text: 'A patient asks you not to tell their family about a serious diagnosis. What do you do? (MMI station, 8 minutes)',
    tags: ['ethics'],
  },
  {
    specialtyId: 'dermatology',
    kind: 'traditional',
    text: 'Why dermatology rather than a primary-care field with skin interests?',
    tags: ['specialty choice'],
  },
  { specialtyId: 'dermatology', kind: 'traditional', text: 'Tell me about your dermatology research and what you would do next with it.', tags: ['research'] },
  { specialtyId: 'dermatology', kind: 'traditional', text: 'How would you improve access to dermatology care in rural areas?', tags: ['health systems'] },
  { specialtyId: 'internal-medicine', kind: 'behavioural', text: 'Tell me about a patient on your medicine rotation who changed how you practise.', tags: [] },
  { specialtyId: 'internal-medicine', kind: 'traditional', text: 'Are you leaning towards a fellowship or general medicine, and why?', tags: ['career goals'] },
  { specialtyId: 'emergency-medicine', kind: 'behavioural', text: 'Describe how you prioritised several sick patients at once.', tags: ['triage'] },
  { specialtyId: 'emergency-medicine', kind: 'traditional', text: 'How do you look after your own wellbeing on a run of night shifts?', tags: ['wellbeing'] },
  {
    specialtyId: 'general-surgery',
    kind: 'behavioural',
    text: 'Tell me about a time you were physically and mentally exhausted on a rotation.',
    tags: ['resilience'],
  },
  {
    specialtyId: 'pediatrics',
    kind: 'traditional',
    text: 'How would you talk to a parent who refuses vaccines for their child?',
    tags: ['communication', 'ethics'],
  },
]
