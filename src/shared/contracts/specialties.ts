import { z } from '@hono/zod-openapi'
import { Email, multilineText } from './common.ts'
import { EventSummary } from './events.ts'
import { InterestGroupSummary } from './interest-groups.ts'

/** The office's settings for a department: its designated specialty advisor and its chair's availability for residency conversations. */
export const DepartmentAdvisingInput = z.object({
  /** The designated specialty advisor's school e-mail (an advisor or a faculty mentor); null for none. */
  specialtyAdvisorEmail: Email.nullable().default(null),
  /** The department chair's school e-mail; null for none. */
  chairEmail: Email.nullable().default(null),
  chairAvailability: multilineText(1000).default(''),
})
export type DepartmentAdvisingInput = z.infer<typeof DepartmentAdvisingInput>

const Fact = z.object({ text: z.string(), source: z.string() })

export const SpecialtyPage = z.object({
  specialty: z.object({ id: z.string(), name: z.string(), acgmeName: z.string(), departmentId: z.string(), departmentName: z.string() }),
  about: z.string(),
  training: Fact,
  /** The national match of U.S. MD seniors who preferred the specialty, where published; null otherwise. */
  nationalMatch: Fact.nullable(),
  interestGroups: z.array(InterestGroupSummary),
  specialtyAdvisor: z.object({ id: z.string(), name: z.string(), email: z.string(), title: z.string() }).nullable(),
  chair: z.object({ id: z.string(), name: z.string(), availability: z.string() }).nullable(),
  upcomingEvents: z.array(EventSummary),
  mentors: z.object({ total: z.number().int(), shown: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), accepting: z.boolean() })) }),
  /** The school's own graduates who applied in the specialty, by match year (counts only), from the office's imported past outcomes. */
  pastMatches: z.array(z.object({ year: z.number().int(), applicants: z.number().int(), matched: z.number().int() })),
  programsHref: z.string(),
  mentorsHref: z.string(),
  /** Staff: the office's settings of the department, to edit on the page. */
  advisingSettings: z.object({ specialtyAdvisorEmail: z.string().nullable(), chairEmail: z.string().nullable(), chairAvailability: z.string() }).nullable(),
})
export type SpecialtyPage = z.infer<typeof SpecialtyPage>
