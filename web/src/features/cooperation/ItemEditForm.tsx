import { useRef, useState } from 'react'
import { CooperationItemInput } from '../../../../src/contract/cooperation.ts'
import { itemFormats } from '../../../../src/domain/cooperation/vocabulary.ts'
import { DraftAlerts, SelectField, TextField } from '../../components/DraftFields.tsx'
import { FormActions } from '../../components/FormActions.tsx'
import { MultiPickerField, PickerField } from '../../components/Pickers.tsx'
import { useT } from '../../i18n/useT.ts'
import type { ApiProblem } from '../../lib/problem.ts'
import { useDraft } from '../../lib/useDraft.ts'
import { useFocusFirstError } from '../../lib/useFocusFirstError.ts'
import {
  priorityAreaOptions,
  useChoosableClassifications,
  usePartnerOptions,
} from '../engagements/form-options.ts'
import {
  providerFrom,
  providerValue,
  useFrameworkOptions,
  useLanguageOptions,
  useProviderOptions,
} from './item-form-options.ts'
import { formatLabels } from './labels.ts'
import { type ItemDetailData, useSaveItem, whenWritten } from './queries.ts'

/** The form's own state: the item as people choose it, lists as lists. */
interface Draft {
  code: string
  title: string
  description: string
  provider: string
  format: string
  priorityAreas: string[]
  languages: string[]
  partners: string[]
  frameworks: string[]
  classification: string
  releasableTo: string[]
}

function draftFrom(item: ItemDetailData): Draft {
  return {
    code: item.code,
    title: item.title,
    description: item.description,
    provider: providerValue(item.provider),
    format: item.format,
    priorityAreas: [...item.priorityAreas],
    languages: [...item.languages],
    partners: [...item.eligibility.partners],
    frameworks: [...item.eligibility.frameworks],
    classification: item.marking.classification,
    releasableTo: [...item.marking.releasableTo],
  }
}

function ItemForm({
  item,
  serverError,
  pending,
  onSave,
  onCancel,
}: {
  item: ItemDetailData
  serverError: ApiProblem | null
  pending: boolean
  onSave: (patch: unknown) => void
  onCancel: () => void
}) {
  const t = useT()
  const form = useRef<HTMLFormElement>(null)
  const [attempts, setAttempts] = useState(0)
  const { draft, change, bind, invalid, problemCount, messages, submit } = useDraft({
    idPrefix: 'item-edit',
    initial: () => draftFrom(item),
    // The whole item is checked, as the server checks the item the patch makes.
    schema: CooperationItemInput,
    candidate: (current: Draft) => ({
      code: current.code.trim().toUpperCase(),
      title: current.title,
      description: current.description,
      provider: providerFrom(current.provider),
      format: current.format,
      priorityAreas: current.priorityAreas,
      languages: current.languages,
      eligibility: { partners: current.partners, frameworks: current.frameworks },
      illustrative: item.illustrative,
      marking: { classification: current.classification, releasableTo: current.releasableTo },
    }),
    serverError,
    errorAt: { classification: 'marking' },
  })
  useFocusFirstError(form, attempts)
  useFocusFirstError(form, serverError)
  const providers = useProviderOptions()
  const frameworks = useFrameworkOptions()
  const languages = useLanguageOptions(item.languages)
  const partners = usePartnerOptions()
  const choosable = useChoosableClassifications(draft.classification)
  return (
    <form
      ref={form}
      className="panel form"
      noValidate
      aria-labelledby="item-edit-heading"
      onSubmit={(event) => {
        setAttempts((count) => count + 1)
        submit(onSave)(event)
      }}
    >
      <h2 id="item-edit-heading">{t('cooperation.itemEditForm.editThisActivity')}</h2>
      <DraftAlerts serverError={serverError} invalid={invalid} count={problemCount} />
      <TextField label={t('cooperation.itemEditForm.code')} {...bind('code')} />
      <TextField label={t('cooperation.itemEditForm.title')} {...bind('title')} />
      <TextField label={t('cooperation.itemEditForm.description')} rows={3} {...bind('description')} />
      <PickerField
        label={t('cooperation.itemEditForm.provider')}
        hint={t('cooperation.itemEditForm.providerHint')}
        options={providers}
        placeholder={t('cooperation.itemEditForm.providerPlaceholder')}
        {...bind('provider')}
      />
      <SelectField
        label={t('cooperation.itemEditForm.format')}
        options={itemFormats.map((format) => [format, formatLabels[format]] as const)}
        {...bind('format')}
      />
      <MultiPickerField
        id="item-edit-priorityAreas"
        label={t('cooperation.itemEditForm.priorityAreas')}
        options={priorityAreaOptions}
        placeholder={t('cooperation.itemEditForm.searchAPriorityArea')}
        emptyText={t('cooperation.itemEditForm.noPriorityArea')}
        values={draft.priorityAreas}
        onChange={(values) => change('priorityAreas', values)}
        error={messages.priorityAreas}
      />
      <MultiPickerField
        id="item-edit-languages"
        label={t('cooperation.itemEditForm.languages')}
        options={languages}
        placeholder={t('cooperation.itemEditForm.searchALanguage')}
        emptyText={t('cooperation.itemEditForm.noLanguage')}
        values={draft.languages}
        onChange={(values) => change('languages', values)}
        error={messages.languages}
      />
      <MultiPickerField
        id="item-edit-partners"
        label={t('cooperation.itemEditForm.openToPartners')}
        hint={t('cooperation.itemEditForm.eligibilityHint')}
        options={partners}
        placeholder={t('cooperation.itemEditForm.searchAPartner')}
        emptyText={t('cooperation.itemEditForm.noPartnerNamed')}
        values={draft.partners}
        onChange={(values) => change('partners', values)}
        error={messages.eligibility}
      />
      <MultiPickerField
        id="item-edit-frameworks"
        label={t('cooperation.itemEditForm.openToMembersOf')}
        options={frameworks}
        placeholder={t('cooperation.itemEditForm.searchAFramework')}
        emptyText={t('cooperation.itemEditForm.noFrameworkNamed')}
        values={draft.frameworks}
        onChange={(values) => change('frameworks', values)}
        error={undefined}
      />
      <SelectField
        label={t('cooperation.itemEditForm.classification')}
        options={choosable.map((c) => [c, c] as const)}
        {...bind('classification')}
      />
      <MultiPickerField
        id="item-edit-releasableTo"
        label={t('cooperation.itemEditForm.releasableTo')}
        hint={t('cooperation.itemEditForm.releasableToHint')}
        options={partners}
        placeholder={t('cooperation.itemEditForm.searchAPartner')}
        emptyText={t('cooperation.itemEditForm.allianceOnly')}
        values={draft.releasableTo}
        onChange={(values) => change('releasableTo', values)}
        error={undefined}
      />
      <FormActions
        submit={pending ? t('cooperation.itemEditForm.saving') : t('cooperation.itemEditForm.saveChanges')}
        pending={pending}
        onCancel={onCancel}
      />
    </form>
  )
}

/**
 * "Edit this activity" for those the item's abilities allow, and its form. The write lives here,
 * above the form, so a refusal for a stale version survives the form being refilled (it is keyed
 * by the version) with the item as it is now.
 */
export function ItemEditor({ item }: { item: ItemDetailData }) {
  const t = useT()
  const save = useSaveItem(item.id)
  const [open, setOpen] = useState(false)
  const [saved, setSaved] = useState(false)
  if (!item.abilities.edit) return null
  if (!open) {
    return (
      <p className="section">
        <button
          type="button"
          className="button"
          onClick={() => {
            save.reset()
            setSaved(false)
            setOpen(true)
          }}
        >
          {t('cooperation.itemEditForm.editItem')}
        </button>{' '}
        <span role="status">{saved ? t('cooperation.itemEditForm.saved') : ''}</span>
      </p>
    )
  }
  return (
    <div className="section">
      <ItemForm
        key={item.version}
        item={item}
        serverError={save.error}
        pending={save.isPending}
        onCancel={() => setOpen(false)}
        onSave={(patch) =>
          whenWritten(save.mutateAsync({ version: item.version, patch }), () => {
            setSaved(true)
            setOpen(false)
          })
        }
      />
    </div>
  )
}
