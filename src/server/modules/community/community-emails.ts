import type { EmailToQueue } from '../notifications/notifications.service.ts'

/** Who a new answer is told about: the asker, or someone following the question. */
export type AnswerRecipient = { email: string; name: string; why: 'asker' | 'follower' }

/**
 * A new answer. `answerer` is null for an anonymous answer: the e-mail then says "a student",
 * never who. An asker who asked anonymously gets no title and no link to the question — only to
 * their own list — so an e-mail that an admin reads in the outbox cannot tie them to the question.
 */
export function newAnswerEmail(
  to: AnswerRecipient,
  question: { title: string; askedAnonymously: boolean },
  answerer: string | null,
  links: { question: string; mine: string },
): EmailToQueue {
  const who = answerer ?? 'A student, anonymously,'
  if (to.why === 'asker' && question.askedAnonymously) {
    return {
      to: to.email,
      kind: 'community.answered',
      subject: 'A question you asked anonymously has a new answer',
      text: `Hello ${to.name},\n\nA question you asked anonymously in the community has a new answer. Your questions are listed on your Community page; this e-mail leaves out which question, so no one who sees it learns you asked it.\n\n${links.mine}\n`,
    }
  }
  const subject = to.why === 'asker' ? `New answer to your question: ${question.title}` : `New answer: ${question.title}`
  const lead = to.why === 'asker' ? 'your question' : 'a question you follow'
  return {
    to: to.email,
    kind: to.why === 'asker' ? 'community.answered' : 'community.followed-answered',
    subject,
    text: `Hello ${to.name},\n\n${who} answered ${lead}: "${question.title}".\n\nRead it, vote, or follow the conversation here:\n\n${links.question}\n\nTo stop these e-mails for a question you follow, choose "Unfollow" on its page.\n`,
  }
}
