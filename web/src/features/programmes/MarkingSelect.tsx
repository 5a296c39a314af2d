import type { z } from 'zod'
import type { MarkingView } from '../../../../src/contract/common.ts'
import { t as translate } from '../../i18n/translate.ts'
import { useT } from '../../i18n/useT.ts'
import { mayChooseMarking } from '../../lib/marking-choice.ts'
import { useSession } from '../session/queries.ts'

type MarkingData = z.infer<typeof MarkingView>
export interface MarkingChoice {
  readonly classification: MarkingData['classification']
  readonly releasableTo: string[]
}

/** The markings offered when editing a part: public, released to the partner, or alliance only. */
export function markingChoices(partner: string): ReadonlyArray<readonly [string, string, MarkingChoice]> {
  return [
    ['public', 'PUBLIC', { classification: 'PUBLIC', releasableTo: [] }],
    [
      'unclassified-partner',
      translate('programmes.markingSelect.unclassifiedPartner', { partner }),
      { classification: 'UNCLASSIFIED', releasableTo: [partner] },
    ],
    [
      'restricted-partner',
      translate('programmes.markingSelect.restrictedPartner', { partner }),
      { classification: 'RESTRICTED', releasableTo: [partner] },
    ],
    [
      'restricted-alliance',
      translate('programmes.markingSelect.restrictedAlliance'),
      { classification: 'RESTRICTED', releasableTo: [] },
    ],
  ]
}

/** The choice key of a marking, or "current" when it is none of the offered ones. */
export function markingKey(marking: MarkingData, partner: string): string {
  const found = markingChoices(partner).find(
    ([, , choice]) =>
      choice.classification === marking.classification &&
      choice.releasableTo.join() === marking.releasableTo.join(),
  )
  return found?.[0] ?? 'current'
}

export function MarkingSelect({
  id,
  partner,
  current,
  value,
  onChange,
}: {
  id: string
  partner: string
  current: MarkingData
  value: string
  onChange: (key: string) => void
}) {
  const t = useT()
  const session = useSession().data
  // Only what the server would accept is offered; the record's own marking stays as "unchanged".
  const offered = markingChoices(partner).filter(
    ([, , choice]) => session !== undefined && mayChooseMarking(session, choice, current),
  )
  return (
    <>
      <label htmlFor={id}>{t('programmes.markingSelect.marking')}</label>
      <select id={id} className="input" value={value} onChange={(e) => onChange(e.target.value)}>
        {markingKey(current, partner) === 'current' ? (
          <option value="current">
            {current.label} {t('programmes.markingSelect.unchanged')}
          </option>
        ) : null}
        {offered.map(([key, label]) => (
          <option key={key} value={key}>
            {label}
          </option>
        ))}
      </select>
    </>
  )
}
