/**
 * A name the office typed as a heading ("Influenza vaccine") as it reads inside a sentence
 * ("Update influenza vaccine"). A first word that is an acronym or a proper noun in capitals
 * ("HIPAA training", "TB test") stays as typed: only a capital followed by a small letter is
 * lowered, which is the heading's capital and not the name's own.
 */
export function nameInSentence(name: string): string {
  return /^\p{Lu}\p{Ll}/u.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name
}
