import { itemFormats } from '../../../../src/domain/cooperation/vocabulary.ts'
import { SelectField, TextField } from '../../components/DraftFields.tsx'
import { MultiPickerField, PickerField } from '../../components/Pickers.tsx'
import { useT } from '../../i18n/useT.ts'
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
import type { ItemDetailData } from './queries.ts'

/** An item as people choose it in a form: text as typed, lists as lists. */
export interface ItemDraft {
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

export const blankItem: ItemDraft = {
  code: '',
  title: '',
  description: '',
  provider: '',
  format: 'course',
  priorityAreas: [],
  languages: ['en'],
  partners: [],
  frameworks: [],
  classification: 'UNCLASSIFIED',
  releasableTo: [],
}

export function itemDraftFrom(item: ItemDetailData): ItemDraft {
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

/** The draft in the API's shape, still unchecked: the shared schema decides whether it is valid. */
export function itemCandidate(draft: ItemDraft, illustrative: boolean): Record<string, unknown> {
  return {
    code: draft.code.trim().toUpperCase(),
    title: draft.title,
    description: draft.description,
    provider: providerFrom(draft.provider),
    format: draft.format,
    priorityAreas: draft.priorityAreas,
    languages: draft.languages,
    eligibility: { partners: draft.partners, frameworks: draft.frameworks },
    illustrative,
    marking: { classification: draft.classification, releasableTo: draft.releasableTo },
  }
}

type TextKey = 'code' | 'title' | 'description' | 'provider' | 'format' | 'classification'
type ListKey = 'priorityAreas' | 'languages' | 'partners' | 'frameworks' | 'releasableTo'

interface Bound {
  readonly id: string
  readonly value: string
  readonly onChange: (value: string) => void
  readonly error: string | undefined
}

/** Every field of an item, with the pickers, for the create and the edit form alike. */
export function ItemFields({
  idPrefix,
  draft,
  bind,
  change,
  messages,
  languagesKnown,
}: {
  idPrefix: string
  draft: ItemDraft
  bind: (key: TextKey) => Bound
  change: (key: ListKey, values: string[]) => void
  messages: Readonly<Record<string, string>>
  /** Languages the item already has, offered even when not in the usual list. */
  languagesKnown: readonly string[]
}) {
  const t = useT()
  const providers = useProviderOptions()
  const frameworks = useFrameworkOptions()
  const languages = useLanguageOptions(languagesKnown)
  const partners = usePartnerOptions()
  const choosable = useChoosableClassifications(draft.classification)
  return (
    <>
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
        id={`${idPrefix}-priorityAreas`}
        label={t('cooperation.itemEditForm.priorityAreas')}
        options={priorityAreaOptions()}
        placeholder={t('cooperation.itemEditForm.searchAPriorityArea')}
        emptyText={t('cooperation.itemEditForm.noPriorityArea')}
        values={draft.priorityAreas}
        onChange={(values) => change('priorityAreas', values)}
        error={messages.priorityAreas}
      />
      <MultiPickerField
        id={`${idPrefix}-languages`}
        label={t('cooperation.itemEditForm.languages')}
        options={languages}
        placeholder={t('cooperation.itemEditForm.searchALanguage')}
        emptyText={t('cooperation.itemEditForm.noLanguage')}
        values={draft.languages}
        onChange={(values) => change('languages', values)}
        error={messages.languages}
      />
      <MultiPickerField
        id={`${idPrefix}-partners`}
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
        id={`${idPrefix}-frameworks`}
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
        id={`${idPrefix}-releasableTo`}
        label={t('cooperation.itemEditForm.releasableTo')}
        hint={t('cooperation.itemEditForm.releasableToHint')}
        options={partners}
        placeholder={t('cooperation.itemEditForm.searchAPartner')}
        emptyText={t('cooperation.itemEditForm.allianceOnly')}
        values={draft.releasableTo}
        onChange={(values) => change('releasableTo', values)}
        error={undefined}
      />
    </>
  )
}
