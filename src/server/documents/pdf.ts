import PDFDocument from 'pdfkit'
import { type FontStyle, fontName, fontRuns, registerFonts } from './pdf-fonts.ts'
import type { DocumentSection, ProgrammeDocument } from './programme-document.ts'

const margin = 60
const columnShares = [0.1, 0.46, 0.16, 0.14, 0.14]

/**
 * The programme as PDF (A4). Pages are buffered so that, once the text has flowed, every page gets
 * the marking banner at its top and bottom and "page n of m".
 */
export function renderPdf(doc: ProgrammeDocument): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: margin, bottom: margin, left: margin, right: margin },
    bufferPages: true,
    lang: doc.language,
    info: { Title: doc.title, Creator: 'Liaison' },
  })
  const chunks: Buffer[] = []
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)))
    pdf.on('error', reject)
  })
  registerFonts(pdf)
  const width = pdf.page.width - 2 * margin

  write(pdf, 'bold', 20, doc.title)
  write(pdf, 'italic', 12, doc.subtitle)
  pdf.moveDown()
  if (doc.illustrativeNote !== null) {
    pdf.fillColor('#555555')
    write(pdf, 'italic', 9, doc.illustrativeNote)
    pdf.fillColor('black').moveDown()
  }
  heading(pdf, doc.labels.parts.general)
  for (const [label, value] of doc.facts) {
    write(pdf, 'bold', 10, `${doc.labels.fact(label)} `, { continued: true })
    write(pdf, 'regular', 10, value)
  }
  pdf.addPage()
  heading(pdf, doc.labels.parts.objectives)
  const walk = (sections: readonly DocumentSection[], depth: number) => {
    for (const s of sections) {
      const indented = { width: width - depth * 14 }
      write(pdf, 'bold', depth === 0 ? 13 : 11, `${s.number} ${s.title}`, indented, margin + depth * 14)
      if (s.text !== '') write(pdf, 'regular', 10, s.text, indented)
      if (s.areas !== '') write(pdf, 'italic', 10, doc.labels.priorityAreas(s.areas), indented)
      pdf.moveDown(0.4)
      walk(s.children, depth + 1)
    }
  }
  walk(doc.objectives, 0)
  pdf.addPage()
  heading(pdf, doc.labels.parts.milestones)
  table(
    pdf,
    width,
    [...doc.labels.milestoneColumns],
    doc.milestones.map((m) => [m.goal, m.title, m.due, m.status, m.health]),
  )
  pdf.moveDown()
  heading(pdf, doc.labels.parts.publicDiplomacy)
  write(pdf, 'regular', 10, doc.publicDiplomacy || doc.labels.noneRecorded, { width }, margin)

  const range = pdf.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i += 1) {
    pdf.switchToPage(i)
    // Writing inside the margins must not flow onto a new page.
    const bottom = pdf.page.margins.bottom
    pdf.page.margins.bottom = 0
    const line = { width, align: 'center', lineBreak: false } as const
    pdf.fillColor('#B00000')
    write(pdf, 'bold', 9, doc.banner, line, margin, 24)
    write(pdf, 'bold', 9, doc.banner, line, margin, pdf.page.height - 40)
    pdf.fillColor('black')
    write(pdf, 'regular', 8, doc.labels.page(i + 1, range.count), line, margin, pdf.page.height - 28)
    pdf.page.margins.bottom = bottom
  }
  pdf.end()
  return done
}

/**
 * Writes text in the embedded fonts, one run per font family that covers it (see pdf-fonts.ts),
 * continued so that the runs flow and wrap as one paragraph. `x` and `y` place the first run.
 */
function write(
  pdf: PDFKit.PDFDocument,
  style: FontStyle,
  size: number,
  text: string,
  options: PDFKit.Mixins.TextOptions = {},
  x?: number,
  y?: number,
): void {
  const runs = fontRuns(text)
  for (const [i, run] of runs.entries()) {
    pdf.font(fontName(run.family, style)).fontSize(size)
    const continued = i < runs.length - 1 || options.continued === true
    if (i === 0 && x !== undefined) {
      pdf.text(run.text, x, y, { ...options, continued })
    } else {
      pdf.text(run.text, { ...options, continued })
    }
  }
}

/** The height a text takes at a width: the tallest of its families' line heights, for safety. */
function heightOf(pdf: PDFKit.PDFDocument, style: FontStyle, size: number, text: string, width: number) {
  const used = new Set(fontRuns(text).map((run) => run.family))
  let height = 0
  for (const family of used) {
    pdf.font(fontName(family, style)).fontSize(size)
    height = Math.max(height, pdf.heightOfString(text, { width }))
  }
  return height
}

function heading(pdf: PDFKit.PDFDocument, text: string): void {
  pdf.fillColor('black')
  write(pdf, 'bold', 14, text, {}, margin)
  pdf.moveDown(0.5)
}

function table(pdf: PDFKit.PDFDocument, width: number, header: string[], rows: string[][]): void {
  const widths = columnShares.map((share) => share * width)
  const drawRow = (cells: string[], bold: boolean) => {
    const style = bold ? 'bold' : 'regular'
    const height =
      Math.max(...cells.map((cell, i) => heightOf(pdf, style, 9, cell, (widths[i] ?? 50) - 6))) + 6
    if (pdf.y + height > pdf.page.height - margin) {
      pdf.addPage()
      if (!bold) drawRow(header, true)
    }
    const top = pdf.y
    let x = margin
    for (const [i, cell] of cells.entries()) {
      const w = widths[i] ?? 50
      pdf.rect(x, top, w, height).strokeColor('#999999').stroke()
      write(pdf, style, 9, cell, { width: w - 6 }, x + 3, top + 3)
      x += w
    }
    pdf.x = margin
    pdf.y = top + height
  }
  drawRow(header, true)
  for (const row of rows) drawRow(row, false)
}
