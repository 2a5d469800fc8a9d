export function SkipLink() {
  return (
    // biome-ignore lint/a11y/useValidAnchor: a real link to #main that works without script; the handler only keeps the router's history clean
    <a
      className="skip-link"
      href="#main"
      onClick={(event) => {
        // The router owns the URL; move focus without adding a history entry.
        event.preventDefault()
        const main = document.getElementById('main')
        main?.focus()
        main?.scrollIntoView()
      }}
    >
      Skip to main content
    </a>
  )
}
