import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'
import { type Block, pdfBlocks, type Run } from './domain/pdf-blocks.ts'

/**
 * A version as a clean PDF (decision 028): the student's name, the document's kind and title,
 * and the text — never comments, reviewers' names or anything else from the review. pdfkit
 * lays the text out; the fonts are DejaVu Serif from the `dejavu-fonts-ttf` package, embedded
 * (subset) in each file, because PDF's fourteen standard fonts cover only Latin-1 and a few
 * more: a student named Łucja or a statement quoting Greek would print as blanks. Characters
 * DejaVu lacks (emoji) print as an empty box rather than failing the export.
 */

export type VersionForPdf = {
  studentName: string
  kindLabel: string
  title: string
  target: string
  versionNumber: number
  body: string
}

type Fonts = { regular: Buffer; bold: Buffer; italic: Buffer; boldItalic: Buffer }
let fonts: Fonts | null = null

/** Read once per process: 1.4 MB of font files, parsed by pdfkit for each document. */
function loadFonts(): Fonts {
  if (fonts) return fonts
  const require = createRequire(import.meta.url)
  const read = (file: string) => readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`))
  fonts = {
    regular: read('DejaVuSerif.ttf'),
    bold: read('DejaVuSerif-Bold.ttf'),
    italic: read('DejaVuSerif-Italic.ttf'),
    boldItalic: read('DejaVuSerif-BoldItalic.ttf'),
  }
  return fonts
}

const fontOf = (run: Pick<Run, 'bold' | 'italic'>) => (run.bold ? (run.italic ? 'bold-italic' : 'bold') : run.italic ? 'italic' : 'regular')

export async function renderVersionPdf(version: VersionForPdf): Promise<Uint8Array> {
  const f = loadFonts()
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { top: 72, bottom: 72, left: 72, right: 72 },
    // No default Helvetica: every glyph comes from the embedded fonts (pdfkit takes a font's
    // bytes here as it does in `font()`; its types say only a name or path).
    font: f.regular as unknown as string,
    info: { Title: `${version.title} (version ${version.versionNumber})`, Author: version.studentName, Creator: 'Preceptor' },
    displayTitle: true,
    lang: 'en',
  })
  doc.registerFont('regular', f.regular)
  doc.registerFont('bold', f.bold)
  doc.registerFont('italic', f.italic)
  doc.registerFont('bold-italic', f.boldItalic)
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve)
    doc.on('error', reject)
  })

  doc.font('bold').fontSize(16).text(version.studentName)
  const kind = version.target ? `${version.kindLabel} — ${version.target}` : version.kindLabel
  doc.font('regular').fontSize(11).fillColor('#444444').text(`${kind}: ${version.title}`)
  doc.moveDown(1.2).fillColor('#000000')
  for (const block of pdfBlocks(version.body)) writeBlock(doc, block)
  doc.end()
  await finished
  return new Uint8Array(Buffer.concat(chunks))
}

function writeRuns(doc: PDFKit.PDFDocument, runs: readonly Run[], options: PDFKit.Mixins.TextOptions = {}) {
  runs.forEach((run, i) => {
    doc.font(fontOf(run)).text(run.text, { ...options, continued: i < runs.length - 1 })
  })
}

function writeBlock(doc: PDFKit.PDFDocument, block: Block) {
  if (block.kind === 'heading') {
    doc.moveDown(0.4).fontSize(13)
    writeRuns(
      doc,
      block.runs.map((r) => ({ ...r, bold: true })),
    )
    doc.fontSize(11).moveDown(0.3)
    return
  }
  doc.fontSize(11)
  if (block.kind === 'list') {
    for (const item of block.items) writeRuns(doc, [{ text: '•  ', bold: false, italic: false }, ...item], { indent: 12, lineGap: 2 })
  } else {
    for (const line of block.lines) writeRuns(doc, line, { lineGap: 2, align: 'left' })
  }
  doc.moveDown(0.8)
}
