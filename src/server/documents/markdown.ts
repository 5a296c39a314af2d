import type { DocumentSection, ProgrammeDocument } from './programme-document.ts'

/** The programme as Markdown, with the marking banner first and last. */
export function renderMarkdown(doc: ProgrammeDocument): string {
  const lines: string[] = [`**${doc.banner}**`, '', `# ${doc.title}`, '', `_${doc.subtitle}_`, '']
  if (doc.illustrativeNote !== null) lines.push(`> ${doc.illustrativeNote}`, '')
  lines.push(`## ${doc.labels.parts.general}`, '')
  for (const [label, value] of doc.facts)
    lines.push(`- **${doc.labels.fact(label)}** ${escapeMarkdown(value)}`)
  lines.push('', `## ${doc.labels.parts.objectives}`, '')
  const walk = (sections: readonly DocumentSection[], depth: number) => {
    for (const s of sections) {
      lines.push(`${'#'.repeat(Math.min(depth, 6))} ${s.number} ${escapeMarkdown(s.title)}`, '')
      if (s.text !== '') lines.push(escapeMarkdown(s.text), '')
      if (s.areas !== '') lines.push(`_${doc.labels.priorityAreas(s.areas)}_`, '')
      walk(s.children, depth + 1)
    }
  }
  walk(doc.objectives, 3)
  lines.push(`## ${doc.labels.parts.milestones}`, '')
  lines.push(
    `| ${doc.labels.milestoneColumns.join(' | ')} |`,
    `|${doc.labels.milestoneColumns.map(() => ' --- ').join('|')}|`,
  )
  for (const m of doc.milestones) {
    lines.push(`| ${[m.goal, m.title, m.due, m.status, m.health].map(cell).join(' | ')} |`)
  }
  lines.push(
    '',
    `## ${doc.labels.parts.publicDiplomacy}`,
    '',
    escapeMarkdown(doc.publicDiplomacy || doc.labels.noneRecorded),
    '',
  )
  lines.push(`**${doc.banner}**`, '')
  return lines.join('\n')
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, '\\$1')
}

function cell(text: string): string {
  return escapeMarkdown(text).replace(/\|/g, '\\|').replace(/\n/g, ' ')
}
