import { createElement, Fragment } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { Dialog } from './dialog.tsx'

describe('Dialog', () => {
  it('names each dialog on a page by its own title', () => {
    const dialogProps = (title: string) => ({ open: true, title, onClose: () => {}, children: title })
    const html = renderToStaticMarkup(
      createElement(Fragment, null, createElement(Dialog, dialogProps('Change a pair')), createElement(Dialog, dialogProps('Publish'))),
    )
    const labelledBy = [...html.matchAll(/aria-labelledby="([^"]+)"/g)].map((m) => m[1])
    const titleIds = [...html.matchAll(/<h2 id="([^"]+)"/g)].map((m) => m[1])
    expect(labelledBy).toHaveLength(2)
    expect(new Set(labelledBy).size).toBe(2)
    expect(titleIds).toEqual(labelledBy)
  })
})
