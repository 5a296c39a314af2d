import PDFDocument from 'pdfkit'
import {
  type DocumentSection,
  milestoneColumns,
  type ProgrammeDocument,
  partHeadings,
} from './programme-document.ts'

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
    info: { Title: doc.title, Creator: 'Liaison' },
  })
  const chunks: Buffer[] = []
  pdf.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)))
    pdf.on('error', reject)
  })
  const width = pdf.page.width - 2 * margin

  pdf.font('Helvetica-Bold').fontSize(20).text(doc.title)
  pdf.font('Helvetica-Oblique').fontSize(12).text(doc.subtitle).moveDown()
  if (doc.illustrativeNote !== null) {
    pdf
      .font('Helvetica-Oblique')
      .fontSize(9)
      .fillColor('#555555')
      .text(doc.illustrativeNote)
      .fillColor('black')
      .moveDown()
  }
  heading(pdf, partHeadings.general)
  for (const [label, value] of doc.facts) {
    pdf
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(`${label}: `, { continued: true })
      .font('Helvetica')
      .text(value)
  }
  pdf.addPage()
  heading(pdf, partHeadings.objectives)
  const walk = (sections: readonly DocumentSection[], depth: number) => {
    for (const s of sections) {
      pdf.font('Helvetica-Bold').fontSize(depth === 0 ? 13 : 11)
      pdf.text(`${s.number} ${s.title}`, margin + depth * 14, undefined, { width: width - depth * 14 })
      pdf.font('Helvetica').fontSize(10)
      if (s.text !== '') pdf.text(s.text, { width: width - depth * 14 })
      if (s.areas !== '')
        pdf.font('Helvetica-Oblique').text(`Priority areas: ${s.areas}`, { width: width - depth * 14 })
      pdf.moveDown(0.4)
      walk(s.children, depth + 1)
    }
  }
  walk(doc.objectives, 0)
  pdf.addPage()
  heading(pdf, partHeadings.milestones)
  table(
    pdf,
    width,
    [...milestoneColumns],
    doc.milestones.map((m) => [m.goal, m.title, m.due, m.status, m.health]),
  )
  pdf.moveDown()
  heading(pdf, partHeadings.publicDiplomacy)
  pdf
    .font('Helvetica')
    .fontSize(10)
    .text(doc.publicDiplomacy || 'None recorded.', margin, undefined, { width })

  const range = pdf.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i += 1) {
    pdf.switchToPage(i)
    // Writing inside the margins must not flow onto a new page.
    const bottom = pdf.page.margins.bottom
    pdf.page.margins.bottom = 0
    pdf.font('Helvetica-Bold').fontSize(9).fillColor('#B00000')
    pdf.text(doc.banner, margin, 24, { width, align: 'center', lineBreak: false })
    pdf.text(doc.banner, margin, pdf.page.height - 40, { width, align: 'center', lineBreak: false })
    pdf.font('Helvetica').fontSize(8).fillColor('black')
    pdf.text(`Page ${i + 1} of ${range.count}`, margin, pdf.page.height - 28, {
      width,
      align: 'center',
      lineBreak: false,
    })
    pdf.page.margins.bottom = bottom
  }
  pdf.end()
  return done
}

function heading(pdf: PDFKit.PDFDocument, text: string): void {
  pdf.font('Helvetica-Bold').fontSize(14).fillColor('black').text(text, margin).moveDown(0.5)
}

function table(pdf: PDFKit.PDFDocument, width: number, header: string[], rows: string[][]): void {
  const widths = columnShares.map((share) => share * width)
  const drawRow = (cells: string[], bold: boolean) => {
    pdf.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9)
    const height =
      Math.max(...cells.map((cell, i) => pdf.heightOfString(cell, { width: (widths[i] ?? 50) - 6 }))) + 6
    if (pdf.y + height > pdf.page.height - margin) {
      pdf.addPage()
      if (!bold) drawRow(header, true)
      pdf.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9)
    }
    const top = pdf.y
    let x = margin
    for (const [i, cell] of cells.entries()) {
      const w = widths[i] ?? 50
      pdf.rect(x, top, w, height).strokeColor('#999999').stroke()
      pdf.text(cell, x + 3, top + 3, { width: w - 6 })
      x += w
    }
    pdf.x = margin
    pdf.y = top + height
  }
  drawRow(header, true)
  for (const row of rows) drawRow(row, false)
}
