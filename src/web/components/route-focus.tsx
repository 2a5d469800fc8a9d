import { useEffect, useRef } from 'react'
import { Outlet, useLocation } from 'react-router'

/**
 * After each navigation inside the app, focus moves to the new page's heading, so keyboard and
 * screen-reader users start at the top of the new content and hear where they are. The first
 * page load is left alone: the browser already starts at the top. A link to a #fragment is
 * left to the page, which focuses that field.
 */
export function RouteFocus() {
  const location = useLocation()
  const firstRender = useRef(true)
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves when the page changes
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false
      return
    }
    if (location.hash) return
    const heading = document.querySelector<HTMLElement>('main h1')
    if (heading) {
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1')
      heading.focus({ preventScroll: false })
      window.scrollTo({ top: 0 })
    }
  }, [location.pathname, location.hash])
  return <Outlet />
}
