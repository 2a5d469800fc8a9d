import type { EmailToQueue } from '../notifications/notifications.service.ts'

/** The words of mentor program e-mails: names, the program, dates and links; never fit scores or rankings. */

export function rankingOpenEmail(to: string, toName: string, programName: string, deadline: string | null, link: string): EmailToQueue {
  return {
    to,
    kind: 'mentor-program.ranking-open',
    subject: `Rank your mentors for ${programName}`,
    text: `Hello ${toName},\n\nYou take part in ${programName}. Look at its mentors and put them in the order you would like to be paired with them${deadline ? ` by ${deadline}` : ''}:\n\n${link}\n\nYour first choices count most; you may change your order until ranking closes.\n`,
  }
}

export function pairedStudentEmail(to: string, toName: string, mentorName: string, programName: string, link: string): EmailToQueue {
  return {
    to,
    kind: 'mentor-program.paired-student',
    subject: `${mentorName} is your mentor in ${programName}`,
    text: `Hello ${toName},\n\n${programName} has paired you with ${mentorName}. Your mentorship has begun: set your first goals and book a meeting here:\n\n${link}\n`,
  }
}

export function pairedMentorEmail(to: string, toName: string, menteeNames: readonly string[], programName: string, link: string): EmailToQueue {
  const list = menteeNames.map((n) => `- ${n}`).join('\n')
  return {
    to,
    kind: 'mentor-program.paired-mentor',
    subject: menteeNames.length === 1 ? `Your mentee in ${programName}: ${menteeNames[0]}` : `Your ${menteeNames.length} mentees in ${programName}`,
    text: `Hello ${toName},\n\n${programName} has paired you with:\n\n${list}\n\nYour mentorships have begun. See them and book a first meeting here:\n\n${link}\n`,
  }
}
