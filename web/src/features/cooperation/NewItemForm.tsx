import { useRef, useState } from 'react'
import { useNavigate } from 'react-router'
import { CooperationItemInput } from '../../../../src/contract/cooperation.ts'
import { itemFormats, providerKinds } from '../../../../src/domain/cooperation/vocabulary.ts'
import { classifications } from '../../../../src/domain/marking.ts'
import { DraftAlerts, SelectField, TextField } from '../../components/DraftFields.tsx'
import { FormActions } from '../../components/FormActions.tsx'
import { useT } from '../../i18n/useT.ts'
import { useDraft } from '../../lib/useDraft.ts'
import { useFocusFirstError } from '../../lib/useFocusFirstError.ts'
import { useSession } from '../session/queries.ts'
import { listFrom } from './codes.ts'
import { itemPath } from './ItemTable.tsx'
import { formatLabels } from './labels.ts'
import { useCreateItem, whenWritten } from './queries.ts'

interface Draft {
  code: string
  title: string
  description: string
  providerKind: string
  providerCode: string
  format: string
  priorityAreas: string
  languages: string
  partners: string
  frameworks: string
  classification: string
  releasableTo: string
}

const blank: Draft = {
  code: '',
  title: '',
  description: '',
  providerKind: 'member',
  providerCode: '',
  format: 'course',
  priorityAreas: '',
  languages: 'en',
  partners: '',
  frameworks: '',
  classification: 'PUBLIC',
  releasableTo: '',
}

function ItemForm({ onCancel }: { onCancel: () => void }) {
  const t = useT()
  const create = useCreateItem()
  const navigate = useNavigate()
  const form = useRef<HTMLFormElement>(null)
  const [attempts, setAttempts] = useState(0)
  const { draft, bind, invalid, submit } = useDraft({
    idPrefix: 'item-new',
    initial: () => blank,
    schema: CooperationItemInput,
    candidate: (current: Draft) => ({
      code: current.code.trim().toUpperCase(),
      title: current.title,
      description: current.description,
      provider: {
        kind: current.providerKind,
        code:
          current.providerKind === 'member'
            ? current.providerCode.trim().toUpperCase()
            : current.providerCode.trim(),
      },
      format: current.format,
      priorityAreas: listFrom(current.priorityAreas, false),
      languages: listFrom(current.languages, false),
      eligibility: { partners: listFrom(current.partners), frameworks: listFrom(current.frameworks, false) },
      illustrative: false,
      marking: { classification: current.classification, releasableTo: listFrom(current.releasableTo) },
    }),
    serverError: create.error,
    errorAt: {
      providerKind: 'provider',
      providerCode: 'provider',
      partners: 'eligibility',
      frameworks: 'eligibility',
      releasableTo: 'marking',
    },
  })
  useFocusFirstError(form, attempts)
  useFocusFirstError(form, create.error)
  return (
    <form
      ref={form}
      className="panel form"
      noValidate
      aria-labelledby="item-new-heading"
      onSubmit={(event) => {
        setAttempts((count) => count + 1)
        submit((input) => whenWritten(create.mutateAsync(input), (made) => navigate(itemPath(made.id))))(
          event,
        )
      }}
    >
      <h2 id="item-new-heading">{t('cooperation.newItemForm.newCatalogueItem')}</h2>
      <DraftAlerts serverError={create.error} invalid={invalid} />
      <TextField label={t('cooperation.newItemForm.codeEGCyb101')} {...bind('code')} />
      <TextField label={t('cooperation.newItemForm.title')} {...bind('title')} />
      <TextField label={t('cooperation.newItemForm.description')} rows={3} {...bind('description')} />
      <SelectField
        label={t('cooperation.newItemForm.providedBy')}
        options={providerKinds.map(
          (kind) =>
            [
              kind,
              kind === 'member'
                ? t('cooperation.newItemForm.aMember')
                : t('cooperation.newItemForm.anAllianceBody'),
            ] as const,
        )}
        {...bind('providerKind')}
      />
      <TextField
        label={
          draft.providerKind === 'member'
            ? t('cooperation.newItemForm.memberCountryCode')
            : t('cooperation.newItemForm.allianceBodyId')
        }
        {...bind('providerCode')}
      />
      <SelectField
        label={t('cooperation.newItemForm.format')}
        options={itemFormats.map((format) => [format, formatLabels[format]] as const)}
        {...bind('format')}
      />
      <TextField label={t('cooperation.newItemForm.priorityAreaIdsSeparatedBy')} {...bind('priorityAreas')} />
      <TextField
        label={t('cooperation.newItemForm.languagesTwoLetterCodesSeparated')}
        {...bind('languages')}
      />
      <TextField label={t('cooperation.newItemForm.openToPartnersCodesEmpty')} {...bind('partners')} />
      <TextField label={t('cooperation.newItemForm.openToMembersOfFrameworks')} {...bind('frameworks')} />
      <SelectField
        label={t('cooperation.newItemForm.classification')}
        options={classifications.map((c) => [c, c] as const)}
        {...bind('classification')}
      />
      <TextField
        label={t('cooperation.newItemForm.releasableToPartnerCodesEmpty')}
        {...bind('releasableTo')}
      />
      <FormActions
        submit={
          create.isPending ? t('cooperation.newItemForm.saving') : t('cooperation.newItemForm.saveItem')
        }
        pending={create.isPending}
        onCancel={onCancel}
      />
    </form>
  )
}

/** Adds an item to the catalogue (staff keep the menu, by the session's abilities). */
export function NewItemForm() {
  const t = useT()
  const session = useSession()
  const [open, setOpen] = useState(false)
  if (session.data?.abilities.manageCooperation !== true) return null
  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('cooperation.newItemForm.addACatalogueItem')}
      </button>
    )
  }
  return <ItemForm onCancel={() => setOpen(false)} />
}
