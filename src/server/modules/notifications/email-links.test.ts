import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { webRouteFor } from '#tests/setup/web-routes.ts'

/** Every source file of the server, tests aside. */
function serverSources(dir = 'src/server'): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return serverSources(path)
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : []
  })
}

/**
 * Each page link the server builds for an e-mail (`${appOrigin}/…`), with every `${…}` made a
 * sample segment. The links are built in the services, not the templates, so this reads them all.
 */
function pageLinks(): { file: string; path: string }[] {
  return serverSources().flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/\$\{(?:deps\.)?appOrigin\}(\/[^`'"\s]*)/g)].map((m) => ({
      file,
      path: (m[1] ?? '').replace(/\$\{[^}]*\}/g, 'sample-id'),
    })),
  )
}

describe('links in e-mails', () => {
  const links = pageLinks().filter((l) => !l.path.startsWith('/api/'))

  it('finds the links of every module that e-mails (so the check below is not empty)', () => {
    const modules = new Set(links.map((l) => l.file.split('/')[3]))
    for (const name of [
      'identity',
      'letters',
      'mentorships',
      'mentor-programs',
      'rank-lists',
      'advising',
      'events',
      'opportunities',
      'interest-groups',
      'community',
      'curriculum',
      'messages',
    ])
      expect(modules).toContain(name)
  })

  it('finds the links of the shadowing e-mails (the invite, its cancel and the day-before reminder)', () => {
    const files = new Set(links.map((l) => l.file.split('/').slice(3).join('/')))
    expect(files).toContain('opportunities/shadowing.service.ts')
    expect(links.filter((l) => l.file.endsWith('shadowing.service.ts')).map((l) => l.path)).toEqual(['/opportunities/sample-id'])
  })

  it('every page link the server e-mails is a page of the web app, not its "not found" page', () => {
    const broken = links.filter((l) => webRouteFor(l.path) === null).map((l) => `${l.file}: ${l.path}`)
    expect(broken).toEqual([])
  })
})
