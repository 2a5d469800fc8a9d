import { type RefObject, useEffect } from 'react'

/**
 * A version's text in a text box that cannot be changed but can be selected by keyboard. A
 * `readonly` text box would be simpler, but browsers give it no caret: Shift+arrows select
 * nothing there without caret browsing. So the box stays editable to the browser, says it is
 * read-only to assistive technology (`aria-readonly`), and refuses every change before it happens
 * (`beforeinput`: typing, deleting, pasting, dropping, undo); being controlled, React puts the
 * text back should anything slip through (an input method's composition).
 */
export function SelectableText({
  textRef,
  value,
  labelledBy,
  describedBy,
}: {
  textRef: RefObject<HTMLTextAreaElement | null>
  value: string
  labelledBy: string
  describedBy: string
}) {
  useEffect(() => {
    const box = textRef.current
    if (!box) return
    const refuse = (event: Event) => event.preventDefault()
    box.addEventListener('beforeinput', refuse)
    return () => box.removeEventListener('beforeinput', refuse)
  }, [textRef])
  return (
    <textarea
      ref={textRef}
      className="materials-text"
      aria-readonly="true"
      value={value}
      onChange={() => undefined}
      rows={18}
      spellCheck={false}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
    />
  )
}
