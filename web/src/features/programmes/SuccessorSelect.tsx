import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { ProgrammeList } from '../../../../src/contract/programme-view.ts'
import { ErrorState, Loading } from '../../components/states.tsx'
import { useT } from '../../i18n/useT.ts'
import { apiGet, queryString } from '../../lib/api.ts'
import { type ProgrammeData, statusLabels } from './queries.ts'

/**
 * The programmes that may replace this one: the same partner's other programmes that are not
 * superseded themselves (the server refuses those). Mounted, so fetched, only while the dialog asks.
 */
function useSuccessorCandidates(programme: ProgrammeData) {
  return useQuery({
    queryKey: ['programmes', 'list', programme.partner.code],
    queryFn: () =>
      apiGet(`/api/v1/programmes${queryString({ partner: programme.partner.code })}`, ProgrammeList),
    select: (list) => list.items.filter((p) => p.id !== programme.id && p.status !== 'superseded'),
  })
}

/**
 * The dialog opened (and took focus) before the list arrived, so the select takes focus once it
 * exists: the one choice the dialog asks for. Module-level, so React calls it on mount only.
 */
function focusWhenShown(select: HTMLSelectElement | null) {
  select?.focus()
}

interface SuccessorSelectProps {
  readonly programme: ProgrammeData
  readonly value: string
  readonly error: string | undefined
  readonly onChange: (id: string) => void
}

/** A required, labelled select of the successor, with its validation message tied to it. */
export function SuccessorSelect({ programme, value, error, onChange }: SuccessorSelectProps) {
  const t = useT()
  const id = useId()
  const candidates = useSuccessorCandidates(programme)
  if (candidates.isPending)
    return <Loading label={t('programmes.successorSelect.loadingThePartnerSProgrammes')} />
  if (candidates.isError)
    return <ErrorState error={candidates.error} onRetry={() => void candidates.refetch()} />
  if (candidates.data.length === 0) {
    return (
      <p className="field-error" role="alert">
        {programme.partner.name} {t('programmes.successorSelect.hasNoOtherProgrammeThat')}
      </p>
    )
  }
  return (
    <div className={`field${error === undefined ? '' : ' has-error'}`}>
      <label htmlFor={id}>{t('programmes.successorSelect.supersededBy')}</label>
      <p className="field-hint" id={`${id}-hint`}>
        {t('programmes.successorSelect.theNewerProgrammeOf', { partner: programme.partner.name })}
      </p>
      <select
        id={id}
        className="input"
        required
        ref={focusWhenShown}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={error === undefined ? `${id}-hint` : `${id}-hint ${id}-error`}
      >
        <option value="">{t('programmes.successorSelect.chooseAProgramme')}</option>
        {candidates.data.map((p) => (
          <option key={p.id} value={p.id}>
            {p.title} ({p.period.label}, {statusLabels[p.status]})
          </option>
        ))}
      </select>
      {error === undefined ? null : (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
