import { useRef, useState } from 'react'
import { useNavigate } from 'react-router'
import { CooperationItemInput } from '../../../../src/contract/cooperation.ts'
import { DraftAlerts } from '../../components/DraftFields.tsx'
import { FormActions } from '../../components/FormActions.tsx'
import { useT } from '../../i18n/useT.ts'
import { useDraft } from '../../lib/useDraft.ts'
import { useFocusFirstError } from '../../lib/useFocusFirstError.ts'
import { useSession } from '../session/queries.ts'
import { blankItem, type ItemDraft, ItemFields, itemCandidate } from './ItemFields.tsx'
import { itemPath } from './ItemTable.tsx'
import { useCreateItem, whenWritten } from './queries.ts'

function ItemForm({ onCancel }: { onCancel: () => void }) {
  const t = useT()
  const create = useCreateItem()
  const navigate = useNavigate()
  const form = useRef<HTMLFormElement>(null)
  const [attempts, setAttempts] = useState(0)
  const { draft, change, bind, invalid, problemCount, messages, submit } = useDraft({
    idPrefix: 'item-new',
    initial: (): ItemDraft => blankItem,
    schema: CooperationItemInput,
    candidate: (current: ItemDraft) => itemCandidate(current, false),
    serverError: create.error,
    errorAt: { classification: 'marking' },
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
      <DraftAlerts serverError={create.error} invalid={invalid} count={problemCount} />
      <ItemFields
        idPrefix="item-new"
        draft={draft}
        bind={bind}
        change={change}
        messages={messages}
        languagesKnown={[]}
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
