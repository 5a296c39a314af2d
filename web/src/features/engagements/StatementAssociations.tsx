import { useId, useState } from 'react'
import { ErrorState } from '../../components/states.tsx'
import { useT } from '../../i18n/useT.ts'
import { useAssociation } from './statement-queries.ts'

/** Who is looking, as the server's `abilities` say: whom they may associate, and their country. */
export interface Viewer {
  readonly associate: 'any' | 'own' | 'none'
  readonly country: string | null
}

/**
 * Who stands behind a statement beyond its issuers. The API lets a partner mission associate only
 * its own country (and withdraw it); staff may associate or dissociate any partner. Associating is
 * offered on issued statements only: there is nothing to associate with before a text exists.
 */
export function StatementAssociations({
  statementId,
  title,
  issued,
  issuers,
  associated,
  viewer,
  countryName,
  partners,
}: {
  statementId: string
  title: string
  issued: boolean
  issuers: readonly string[]
  associated: readonly string[]
  viewer: Viewer
  countryName: (code: string) => string
  partners: readonly { code: string; name: string }[]
}) {
  const t = useT()
  const association = useAssociation()
  const selectId = useId()
  const [choice, setChoice] = useState('')
  const send = (country: string, associate: boolean) =>
    association.mutate({ id: statementId, country, associate }, { onSuccess: () => setChoice('') })
  const own = viewer.associate === 'own' ? viewer.country : null
  // An issuer already stands behind its own text, so it is not offered as an associate.
  const open = partners.filter(
    (partner) => !associated.includes(partner.code) && !issuers.includes(partner.code),
  )
  const controls =
    own !== null ? (
      associated.includes(own) ? (
        <button type="button" className="button secondary" onClick={() => send(own, false)}>
          {t('engagements.statementAssociations.withdrawAssociation')}
        </button>
      ) : issued && !issuers.includes(own) ? (
        <button type="button" className="button secondary" onClick={() => send(own, true)}>
          {t('engagements.statementAssociations.associate')} {countryName(own)}{' '}
          {t('engagements.statementAssociations.withThisStatement')}
        </button>
      ) : null
    ) : viewer.associate === 'any' ? (
      <>
        {associated.map((code) => (
          <button
            key={code}
            type="button"
            className="button secondary"
            aria-label={t('engagements.statementAssociations.dissociateFrom', {
              country: countryName(code),
              title,
            })}
            onClick={() => send(code, false)}
          >
            {t('engagements.statementAssociations.dissociate')} {countryName(code)}
          </button>
        ))}
        {issued && open.length > 0 ? (
          <span className="inline-field">
            <label htmlFor={selectId}>{t('engagements.statementAssociations.associateAPartner')}</label>
            <select
              id={selectId}
              className="input"
              value={choice}
              onChange={(event) => setChoice(event.target.value)}
            >
              <option value="">{t('engagements.statementAssociations.chooseAPartner')}</option>
              {open.map((partner) => (
                <option key={partner.code} value={partner.code}>
                  {partner.name}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button secondary"
              disabled={choice === ''}
              onClick={() => send(choice, true)}
            >
              {t('engagements.statementAssociations.associate')}
            </button>
          </span>
        ) : null}
      </>
    ) : null
  return (
    <>
      {associated.length === 0 ? null : (
        <p data-testid="associations">
          {t('engagements.statementAssociations.associated')} {associated.map(countryName).join(', ')}
        </p>
      )}
      {controls === null ? null : <div className="statement-actions">{controls}</div>}
      {association.error === null ? null : <ErrorState error={association.error} />}
    </>
  )
}
