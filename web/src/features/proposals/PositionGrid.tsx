import { t as translate } from '../../i18n/translate.ts'
import { useT } from '../../i18n/useT.ts'
import { type PositionValue, type ProposalData, positionLabels, useMemberName } from './queries.ts'

/** A mark per position so that the grid reads without colour (and in greyscale print). */
const positionMarks: Record<PositionValue, string> = {
  concur: '✓',
  object: '✕',
  reserve: '!',
  none: '·',
}

/** "14 concur", "1 objects", "2 reservations", "15 without a position". */
function tallyText(position: PositionValue, count: number): string {
  return translate(`proposals.tally.${position}`, { count })
}

/**
 * Every member and its current position: one cell each, the member's code, a mark and the word.
 * The colour repeats the word, never replaces it. A list, so a screen reader announces the count.
 */
export function PositionGrid({ positions }: { positions: NonNullable<ProposalData['positions']> }) {
  const t = useT()
  const nameOf = useMemberName()
  const counts = positions.reduce<Record<string, number>>((tally, entry) => {
    tally[entry.position] = (tally[entry.position] ?? 0) + 1
    return tally
  }, {})
  return (
    <>
      <p className="position-tally">
        {(['concur', 'object', 'reserve', 'none'] as const)
          .map((position) => tallyText(position, counts[position] ?? 0))
          .join(' · ')}
      </p>
      <ul
        className="position-grid"
        aria-label={t('proposals.positionGrid.positionsOfTheMembers', { length: positions.length })}
      >
        {positions.map((entry) => (
          <li key={entry.member} className={`position-cell position-${entry.position}`}>
            <span className="position-member" title={nameOf(entry.member)}>
              {entry.member}
              <span className="visually-hidden"> ({nameOf(entry.member)})</span>
            </span>
            <span className="position-word">
              <span aria-hidden="true">{positionMarks[entry.position]} </span>
              {positionLabels[entry.position]}
            </span>
          </li>
        ))}
      </ul>
    </>
  )
}
