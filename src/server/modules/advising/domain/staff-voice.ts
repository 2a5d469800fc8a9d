/**
 * Staff views of a student's board speak of the student by name. Texts written for the student
 * ("shares your interest in dermatology") are turned to "shares Maya’s interest in dermatology".
 */
export function aboutStudent(text: string, studentName: string): string {
  const first = studentName.trim().split(/\s+/)[0] || studentName
  return text
    .replace(/\b[Yy]ou have\b/g, `${first} has`)
    .replace(/\b[Yy]ou are\b/g, `${first} is`)
    .replace(/\b[Yy]ou were\b/g, `${first} was`)
    .replace(/\b([Yy])ours\b/g, `${first}’s`)
    .replace(/\b([Yy])our\b/g, `${first}’s`)
    .replace(/\b[Yy]ou\b/g, first)
}
