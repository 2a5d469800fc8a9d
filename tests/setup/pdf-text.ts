import { TEST_ORIGIN, type TestApp } from './test-app.ts'

/**
 * A PDF route's answer as bytes, and the text a reader would extract from it (pdf.js, as
 * browsers do), so tests check what is really in a produced file rather than its source.
 */
export async function fetchPdf(t: TestApp, path: string, cookie: string) {
  const response = await t.app.request(`${TEST_ORIGIN}${path}`, { headers: { cookie, origin: TEST_ORIGIN } })
  const bytes = new Uint8Array(await response.arrayBuffer())
  return { status: response.status, headers: response.headers, bytes }
}

/** Every page's text, pages separated by a blank line and text items by spaces or line breaks as pdf.js places them. */
export async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs')
  // pdf.js takes ownership of the buffer it is given: pass a copy.
  const pdf = await pdfjs.getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise
  const pages: string[] = []
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent()
    pages.push(content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ''}` : '')).join(''))
  }
  await pdf.destroy()
  return { pages: pdf.numPages, text: pages.join('\n\n') }
}
