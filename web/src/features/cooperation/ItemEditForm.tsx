import { useRef, useState } from 'react'
import { CooperationItemInput } from '../../../../src/contract/cooperation.ts'
import { DraftAlerts } from '../../components/DraftFields.tsx'
import { FormActions } from '../../components/FormActions.tsx'
import { useT } from '../../i18n/useT.ts'
import type { ApiProblem } from '../../lib/problem.ts'
import { useDraft } from '../../lib/useDraft.ts'
import { useFocusFirstError } from '../../lib/useFocusFirstError.ts'
import { EditToggle } from './EditToggle.tsx'
import { type ItemDraft, ItemFields, itemCandidate, itemDraftFrom } from './ItemFields.tsx'
import { type ItemDetailData, useSaveItem } from './queries.ts'

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
    initial: () => itemDraftFrom(item),
    // The whole item is checked, as the server checks the item the patch makes.
    schema: CooperationItemInput,
    candidate: (current: ItemDraft) => itemCandidate(current, item.illustrative),
    serverError,
    errorAt: { classification: 'marking' },
  })
  useFocusFirstError(form, attempts)
  useFocusFirstError(form, serverError)
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
      <ItemFields
        idPrefix="item-edit"
        draft={draft}
        bind={bind}
        change={change}
        messages={messages}
        languagesKnown={item.languages}
      />
      <FormActions
        submit={pending ? t('cooperation.itemEditForm.saving') : t('cooperation.itemEditForm.saveChanges')}
        pending={pending}
        onCancel={onCancel}
      />
    </form>
  )
}

/** "Edit" on the item's page for those its abilities allow (see EditToggle). */
export function ItemEditor({ item }: { item: ItemDetailData }) {
  const t = useT()
  const save = useSaveItem(item.id)
  return (
    <EditToggle
      allowed={item.abilities.edit}
      version={item.version}
      save={save}
      openLabel={t('cooperation.itemEditForm.editItem')}
      savedLabel={t('cooperation.itemEditForm.saved')}
      form={(props) => <ItemForm key={item.version} item={item} {...props} />}
    />
  )
}
