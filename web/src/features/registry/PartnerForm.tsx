import { useRef } from 'react'
import { useNavigate } from 'react-router'
import { partnerStatuses } from '../../../../src/contract/partner.ts'
import { PartnerInput, PartnerPatch } from '../../../../src/contract/partner-input.ts'
import { DraftAlerts, SelectField, TextField } from '../../components/DraftFields.tsx'
import { FormActions } from '../../components/FormActions.tsx'
import { partnerStatusLabels } from '../../i18n/labels.ts'
import { useT } from '../../i18n/useT.ts'
import { useDraft } from '../../lib/useDraft.ts'
import type { PartnerDetailData } from '../partners/queries.ts'
import { FuzzyDateFields, fuzzyCandidate } from './FuzzyDateFields.tsx'
import { useFocusFirstError } from './focus-first-error.ts'
import { codeList, MarkingFields } from './MarkingFields.tsx'
import { useSavePartner } from './queries.ts'

interface Draft {
  code: string
  name: string
  capital: string
  timeZone: string
  status: string
  summary: string
  dialoguePrecision: string
  dialogueSince: string
  classification: string
  releasableTo: string
}

function draftOf(partner: PartnerDetailData | null): Draft {
  return {
    code: partner?.code ?? '',
    name: partner?.name ?? '',
    capital: partner?.capital ?? '',
    timeZone: partner?.timeZone ?? '',
    status: partner?.status ?? 'active',
    summary: partner?.summary ?? '',
    dialoguePrecision: partner?.dialogueSince?.precision ?? '',
    dialogueSince: partner?.dialogueSince?.date ?? '',
    classification: partner?.recordMarking.classification ?? 'PUBLIC',
    releasableTo: partner?.recordMarking.releasableTo.join(', ') ?? '',
  }
}

const candidate = (draft: Draft) => ({
  name: draft.name,
  capital: draft.capital.trim() === '' ? null : draft.capital,
  timeZone: draft.timeZone,
  status: draft.status,
  summary: draft.summary,
  dialogueSince: fuzzyCandidate(draft.dialoguePrecision, draft.dialogueSince),
  marking: { classification: draft.classification, releasableTo: codeList(draft.releasableTo) },
})

/** A partner's profile: a new partner (`partner` null) or the one on the page, under its version. */
export function PartnerForm({ partner, onDone }: { partner: PartnerDetailData | null; onDone: () => void }) {
  const t = useT()
  const save = useSavePartner(partner === null ? 'POST' : 'PATCH')
  const navigate = useNavigate()
  const form = useRef<HTMLFormElement>(null)
  const idPrefix = partner === null ? 'partner-new' : 'partner-edit'
  const { bind, invalid, submit, messages } = useDraft({
    idPrefix,
    initial: () => draftOf(partner),
    schema: partner === null ? PartnerInput : PartnerPatch,
    candidate: (draft: Draft) =>
      partner === null ? { code: draft.code.trim(), ...candidate(draft) } : candidate(draft),
    serverError: save.error,
    errorAt: { releasableTo: 'marking' },
  })
  useFocusFirstError(form, messages)
  const heading =
    partner === null ? t('registry.partnerForm.newPartner') : t('registry.partnerForm.editProfile')
  return (
    <form
      ref={form}
      className="panel form"
      noValidate
      aria-labelledby={`${idPrefix}-heading`}
      onSubmit={submit((input) =>
        save.mutate(
          partner === null
            ? { path: '/api/v1/partners', body: input }
            : { path: `/api/v1/partners/${partner.code}`, body: input, version: partner.version },
          {
            onSuccess: (saved) => {
              onDone()
              if (partner === null) navigate(`/partners/${saved.code}`)
            },
          },
        ),
      )}
    >
      <h2 id={`${idPrefix}-heading`}>{heading}</h2>
      <DraftAlerts serverError={save.error} invalid={invalid} />
      {partner === null ? (
        <TextField label={t('registry.partnerForm.countryCodeIso31661')} {...bind('code')} />
      ) : null}
      <TextField label={t('registry.partnerForm.name')} {...bind('name')} />
      <TextField label={t('registry.partnerForm.capital')} {...bind('capital')} />
      <TextField label={t('registry.partnerForm.timeZoneIanaEG')} {...bind('timeZone')} />
      <SelectField
        label={t('registry.partnerForm.status')}
        options={partnerStatuses.map((s) => [s, partnerStatusLabels[s]] as const)}
        {...bind('status')}
      />
      <TextField label={t('registry.partnerForm.summary')} rows={3} {...bind('summary')} />
      <FuzzyDateFields
        legend={t('registry.partnerForm.dialogueSince')}
        optional
        precision={bind('dialoguePrecision')}
        date={bind('dialogueSince')}
      />
      <MarkingFields classification={bind('classification')} releasableTo={bind('releasableTo')} />
      <FormActions
        submit={
          save.isPending
            ? t('registry.partnerForm.saving')
            : partner === null
              ? t('registry.partnerForm.savePartner')
              : t('registry.partnerForm.saveProfile')
        }
        pending={save.isPending}
        onCancel={onDone}
      />
    </form>
  )
}
