import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import type { DocumentSection, ProgrammeDocument } from './programme-document.ts'

const headingLevels = [HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const

/** The programme as a Word document; the marking banner is in the header and footer of every page. */
export async function renderDocx(doc: ProgrammeDocument): Promise<Buffer> {
  const banner = () =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: doc.banner, bold: true, color: 'B00000' })],
    })
  const body: Array<Paragraph | Table> = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }),
    new Paragraph({ children: [new TextRun({ text: doc.subtitle, italics: true })] }),
  ]
  if (doc.illustrativeNote !== null) {
    body.push(
      new Paragraph({
        children: [new TextRun({ text: doc.illustrativeNote, italics: true, color: '666666' })],
      }),
    )
  }
  body.push(
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(doc.labels.parts.general)] }),
  )
  for (const [label, value] of doc.facts) {
    body.push(
      new Paragraph({
        children: [new TextRun({ text: `${doc.labels.fact(label)} `, bold: true }), new TextRun(value)],
      }),
    )
  }
  body.push(
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      children: [new TextRun(doc.labels.parts.objectives)],
    }),
  )
  const walk = (sections: readonly DocumentSection[], depth: number) => {
    for (const s of sections) {
      const heading = headingLevels[Math.min(depth, headingLevels.length - 1)]
      body.push(new Paragraph({ heading, children: [new TextRun(`${s.number} ${s.title}`)] }))
      if (s.text !== '') body.push(new Paragraph(s.text))
      if (s.areas !== '')
        body.push(
          new Paragraph({
            children: [new TextRun({ text: doc.labels.priorityAreas(s.areas), italics: true })],
          }),
        )
      walk(s.children, depth + 1)
    }
  }
  walk(doc.objectives, 0)
  body.push(
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      children: [new TextRun(doc.labels.parts.milestones)],
    }),
  )
  const row = (cells: readonly string[], header = false) =>
    new TableRow({
      tableHeader: header,
      children: cells.map(
        (text) =>
          new TableCell({
            // Plain cells as bare paragraphs: thousands of rows render markedly faster without runs.
            children: [
              header ? new Paragraph({ children: [new TextRun({ text, bold: true })] }) : new Paragraph(text),
            ],
          }),
      ),
    })
  body.push(
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        row(doc.labels.milestoneColumns, true),
        ...doc.milestones.map((m) => row([m.goal, m.title, m.due, m.status, m.health])),
      ],
    }),
  )
  body.push(
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      children: [new TextRun(doc.labels.parts.publicDiplomacy)],
    }),
  )
  body.push(new Paragraph(doc.publicDiplomacy || doc.labels.noneRecorded))
  const document = new Document({
    title: doc.title,
    creator: 'Liaison',
    sections: [
      {
        headers: { default: new Header({ children: [banner()] }) },
        footers: {
          default: new Footer({
            children: [
              banner(),
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: [
                      doc.labels.pagePrefix,
                      PageNumber.CURRENT,
                      doc.labels.pageOf,
                      PageNumber.TOTAL_PAGES,
                    ],
                  }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  })
  return Packer.toBuffer(document)
}
