import type { EmailToQueue } from '../notifications/notifications.service.ts'

/** Who a new answer is told about: the asker, or someone following the question. */
export type AnswerRecipient = { email: string; name: string; why: 'asker' | 'follower' }

/**
 * A new answer, to the asker or a follower. `answerer` is null for an anonymous answer: the
 * e-mail then says "a student", never who. An anonymous asker is not e-mailed here: they get
 * the daily digest below.
 */
export function newAnswerEmail(to: AnswerRecipient, question: { title: string }, answerer: string | null, link: string): EmailToQueue {
  const who = answerer ?? 'A student, anonymously,'
  const subject = to.why === 'asker' ? `New answer to your question: ${question.title}` : `New answer: ${question.title}`
  const lead = to.why === 'asker' ? 'your question' : 'a question you follow'
  return {
    to: to.email,
    kind: to.why === 'asker' ? 'community.answered' : 'community.followed-answered',
    subject,
    text: `Hello ${to.name},\n\n${who} answered ${lead}: "${question.title}".\n\nRead it, vote, or follow the conversation here:\n\n${link}\n\nTo stop these e-mails for a question you follow, choose "Unfollow" on its page.\n`,
  }
}

/**
 * To a mentor a student asked publicly, from the mentor's profile. `asker` is null when the
 * student asked anonymously: the e-mail then says "a student", never who.
 */
export function askedYouEmail(mentor: { email: string; name: string }, question: { title: string }, asker: string | null, link: string): EmailToQueue {
  const who = asker ?? 'A student, anonymously,'
  return {
    to: mentor.email,
    kind: 'community.asked-you',
    subject: `A student asked you: ${question.title}`,
    text: `Hello ${mentor.name},\n\n${who} asked you a question in the community, from your profile: "${question.title}".\n\nEveryone in the community can read it, and your answer will be shown with your name and on your profile if it helps. Answer it here:\n\n${link}\n`,
  }
}

/** To the author of a named post a moderator warned them about, or edited, with the moderator's note. */
export function moderatorNoteEmail(
  to: { email: string; name: string },
  question: { title: string },
  post: 'question' | 'answer',
  action: 'warn' | 'edit',
  note: string,
  link: string,
): EmailToQueue {
  const what = post === 'question' ? `your question "${question.title}"` : `your answer to "${question.title}"`
  const lead = action === 'edit' ? `A community moderator edited ${what}.` : `A community moderator wrote to you about ${what}.`
  return {
    to: to.email,
    kind: `community.moderator-${action}`,
    subject: action === 'edit' ? 'A moderator edited your post' : 'A note from a community moderator',
    text: `Hello ${to.name},\n\n${lead} Their note:\n\n${note}\n\nThe note is shown beside the post to you and the moderators only. See it here:\n\n${link}\n`,
  }
}

/**
 * Once a day, to a student who asked anonymously: how many new answers their anonymous
 * questions have — no titles, no links to the questions, and never at the moment of an answer,
 * so neither the words nor the timing of an e-mail an admin may read in the outbox ties them to
 * a question.
 */
export function anonymousAskerDigestEmail(to: { email: string; name: string }, answers: number, link: string): EmailToQueue {
  const count = answers === 1 ? 'a new answer' : `${answers} new answers`
  return {
    to: to.email,
    kind: 'community.anonymous-digest',
    subject: 'New answers to questions you asked anonymously',
    text: `Hello ${to.name},\n\nSince yesterday, questions you asked anonymously in the community have ${count}. Your questions are listed on your Community page. This e-mail comes once a day and names no question, so no one who sees it learns what you asked.\n\n${link}\n`,
  }
}
