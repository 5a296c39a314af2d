import { useState } from 'react'
import { useT } from '../../i18n/useT.ts'
import { useSession } from '../session/queries.ts'
import { FrameworkForm } from './FrameworkForm.tsx'
import { PartnerForm } from './PartnerForm.tsx'

/** "New partner" on the partners list, for those the session says may edit the registry. */
export function NewPartner() {
  const t = useT()
  const session = useSession()
  const [open, setOpen] = useState(false)
  if (session.data?.abilities.editRegistry !== true) return null
  return open ? (
    <PartnerForm partner={null} onDone={() => setOpen(false)} />
  ) : (
    <div className="registry-actions">
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('registry.newRecordButtons.newPartner')}
      </button>
    </div>
  )
}

/** "New framework" on the frameworks list, likewise. */
export function NewFramework() {
  const t = useT()
  const session = useSession()
  const [open, setOpen] = useState(false)
  if (session.data?.abilities.editRegistry !== true) return null
  return open ? (
    <FrameworkForm framework={null} onDone={() => setOpen(false)} />
  ) : (
    <div className="registry-actions">
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('registry.newRecordButtons.newFramework')}
      </button>
    </div>
  )
}
