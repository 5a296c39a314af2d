import { useEffect, useState } from 'react'
import { allianceBodies, itemFormats } from '../../../../src/domain/cooperation/vocabulary.ts'
import type { AddressParams } from '../../lib/useAddressParams.ts'
import { useDebounced } from '../../lib/useDebounced.ts'
import { useMembers } from '../members/queries.ts'
import { formatLabels, priorityAreaOptions } from './labels.ts'

/** The catalogue's search box and filters; each lives in the address, so a filtered view can be shared. */
export function CatalogueFilters({
  address,
  set,
  canBeEligible,
}: {
  address: AddressParams
  set: (key: string, value: string) => void
  /** Only a requesting partner has items it is eligible for. */
  canBeEligible: boolean
}) {
  const members = useMembers().data?.items ?? []
  const [typed, setTyped] = useState(address.get('q'))
  const settled = useDebounced(typed)
  const current = address.get('q')
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a settled change of the text searches
  useEffect(() => {
    if (settled !== current) set('q', settled)
  }, [settled])
  return (
    <search className="filters" aria-label="Search and filter the catalogue">
      <div className="field grow">
        <label htmlFor="catalogue-q">Search the catalogue</label>
        <input
          id="catalogue-q"
          className="input"
          type="search"
          value={typed}
          placeholder="Code, title or words of the description"
          onChange={(event) => setTyped(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="catalogue-area">Priority area</label>
        <select
          id="catalogue-area"
          className="input"
          value={address.get('priorityArea')}
          onChange={(event) => set('priorityArea', event.target.value)}
        >
          <option value="">All areas</option>
          {priorityAreaOptions.map(([id, name]) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="catalogue-provider">Provider</label>
        <select
          id="catalogue-provider"
          className="input"
          value={address.get('provider')}
          onChange={(event) => set('provider', event.target.value)}
        >
          <option value="">All providers</option>
          <optgroup label="Alliance bodies">
            {Object.entries(allianceBodies).map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </optgroup>
          <optgroup label="Members">
            {members.map((member) => (
              <option key={member.code} value={member.code}>
                {member.name}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      <div className="field">
        <label htmlFor="catalogue-format">Format</label>
        <select
          id="catalogue-format"
          className="input"
          value={address.get('format')}
          onChange={(event) => set('format', event.target.value)}
        >
          <option value="">All formats</option>
          {itemFormats.map((format) => (
            <option key={format} value={format}>
              {formatLabels[format]}
            </option>
          ))}
        </select>
      </div>
      {canBeEligible ? (
        <div className="field check-field">
          <input
            id="catalogue-eligible"
            type="checkbox"
            checked={address.get('eligible') === 'true'}
            onChange={(event) => set('eligible', event.target.checked ? 'true' : '')}
          />
          <label htmlFor="catalogue-eligible">Only what I may request</label>
        </div>
      ) : null}
    </search>
  )
}
