import { useId, useState } from 'react'
import { useNavigate } from 'react-router'
import { ProgrammeDetail } from '../../../../src/contract/programme-view.ts'
import { Field } from '../../components/Field.tsx'
import { ErrorState } from '../../components/states.tsx'
import { apiRequest, isApiProblem } from '../../lib/api.ts'
import { useSession } from '../session/queries.ts'
import { useRefreshProgrammes } from './queries.ts'

/**
 * Starts a draft programme. Staff choose the partner; a partner's own users start drafts for their
 * own country only. The server checks both, and names any bad field.
 */
export function NewProgrammeForm() {
  const session = useSession()
  const navigate = useNavigate()
  const refresh = useRefreshProgrammes()
  const [open, setOpen] = useState(false)
  const [partner, setPartner] = useState('')
  const [kind, setKind] = useState('ITPP')
  const [title, setTitle] = useState('')
  const [periodFrom, setPeriodFrom] = useState('')
  const [periodTo, setPeriodTo] = useState('')
  const [problem, setProblem] = useState<unknown>(null)
  const id = useId()
  const principal = session.data
  if (principal === undefined || principal.abilities.startProgramme === 'none') return null
  const ownCountry = principal.abilities.startProgramme === 'own' ? principal.country : null
  const fieldError = (name: string) => (isApiProblem(problem) ? problem.fieldError(name) : undefined)
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        Start a draft programme
      </button>
    )
  }
  return (
    <form
      className="panel form"
      aria-labelledby={`${id}-title`}
      onSubmit={async (event) => {
        event.preventDefault()
        setProblem(null)
        try {
          const created = await apiRequest('POST', '/api/v1/programmes', ProgrammeDetail, {
            partner: ownCountry ?? partner,
            kind,
            title,
            periodFrom,
            periodTo,
          })
          await refresh()
          navigate(`/programmes/${created.id}`)
        } catch (error) {
          setProblem(error)
        }
      }}
    >
      <h2 id={`${id}-title`}>New draft programme</h2>
      {ownCountry === null ? (
        <Field
          label="Partner (country code)"
          hint="For example JPN"
          value={partner}
          onChange={(e) => setPartner(e.target.value)}
          error={fieldError('partner')}
        />
      ) : (
        <p>Partner: {ownCountry}</p>
      )}
      <div className="field">
        <label htmlFor={`${id}-kind`}>Kind</label>
        <select id={`${id}-kind`} className="input" value={kind} onChange={(e) => setKind(e.target.value)}>
          <option value="ITPP">ITPP — Individually Tailored Partnership Programme</option>
          <option value="IPCP">IPCP — Individual Partnership and Cooperation Programme</option>
        </select>
      </div>
      <Field
        label="Title"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={fieldError('title')}
      />
      <Field
        label="Period from"
        hint="A year, month or day, e.g. 2027"
        value={periodFrom}
        onChange={(e) => setPeriodFrom(e.target.value)}
        error={fieldError('periodFrom')}
      />
      <Field
        label="Period to"
        hint="e.g. 2030"
        value={periodTo}
        onChange={(e) => setPeriodTo(e.target.value)}
        error={fieldError('periodTo')}
      />
      <span className="tree-actions">
        <button type="submit" className="button">
          Create draft
        </button>
        <button type="button" className="button secondary" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </span>
      {problem === null ? null : <ErrorState error={problem} />}
    </form>
  )
}
