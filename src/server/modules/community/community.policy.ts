import { COMMUNITY_BOARDS, type PostAuthor } from '#shared/contracts/community.ts'
import type { IdentityAttribute, Role } from '#shared/enums.ts'

type Roles = { roles: readonly Role[] }

/**
 * Moderators are the Office of Student Affairs staff: advisors and admins. They already look
 * after students' wellbeing and conduct, and answer to the school for it; mentors are
 * participants here (and often grade students), so they do not moderate.
 */
export function canModerate(actor: Roles): boolean {
  return actor.roles.includes('advisor') || actor.roles.includes('admin')
}

/**
 * The members-only boards a person may not see: each identity board whose identity their own
 * profile does not list. Moderators see every board, since they answer its reports.
 */
export function boardsHiddenFrom(actor: Roles, listed: ReadonlySet<IdentityAttribute>): string[] {
  if (canModerate(actor)) return []
  return COMMUNITY_BOARDS.flatMap((b) => (b.identity && !listed.has(b.identity) ? [b.id] : []))
}

/**
 * Only admins may learn who wrote an anonymous post, one post at a time, with a written reason
 * that is stored and audited. Advisors moderate but cannot reveal: they write students'
 * evaluations and letters, which is exactly why a student asks about burnout or debt anonymously.
 */
export function canRevealAuthor(actor: Roles): boolean {
  return actor.roles.includes('admin')
}

/** Students ask. */
export function canAsk(actor: Roles): boolean {
  return actor.roles.includes('student')
}

/** Mentors (faculty, residents, fellows, alumni, near-peers) and students answer and vote. */
export function canAnswer(actor: Roles): boolean {
  return actor.roles.includes('student') || actor.roles.includes('mentor')
}

/** Anonymity is a student's protection; a mentor's answer carries their name and stage. */
export function canPostAnonymously(actor: Roles): boolean {
  return actor.roles.includes('student')
}

/**
 * Who wrote a post, as this caller may see it. An anonymous post names no one to anyone —
 * moderators and the author included (the author is told `mine`; a moderator must use the
 * audited reveal). A named post names its author and their stage.
 */
export function authorFor(
  viewerId: string,
  post: { authorId: string; isAnonymous: boolean },
  person: { name: string; stage: string; held?: boolean } | undefined,
  viewerIsOfficial = false,
): PostAuthor {
  const mine = post.authorId === viewerId
  if (post.isAnonymous) return { person: null, anonymous: true, mine }
  // A student on a FERPA directory hold (34 CFR §99.37) is not named to other students and
  // mentors; the post stays, and school officials (moderators) still see who wrote it.
  if (person?.held && !mine && !viewerIsOfficial) return { person: null, anonymous: false, mine }
  return { person: { id: post.authorId, name: person?.name ?? 'Former member', stage: person?.stage ?? '' }, anonymous: false, mine }
}

/** Whether the caller sees a hidden post: its author (with the moderator's note) and moderators. */
export function canSeeHidden(actor: Roles & { personId: string }, authorId: string): boolean {
  return canModerate(actor) || actor.personId === authorId
}
