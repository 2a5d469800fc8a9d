/**
 * The file name a downloaded PDF is offered under: the student's name, the document's title and
 * the version, folded to ASCII letters, digits and hyphens. Nothing typed reaches the
 * `Content-Disposition` header as it was (no quotes, semicolons, slashes or line breaks), and
 * the name reads the same on every system.
 */
export function pdfFileName(studentName: string, title: string, versionNumber: number): string {
  const slug = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
  const stem = [slug(studentName), slug(title)].filter(Boolean).join('-').slice(0, 80).replace(/-+$/, '')
  return `${stem || 'document'}-v${versionNumber}.pdf`
}
