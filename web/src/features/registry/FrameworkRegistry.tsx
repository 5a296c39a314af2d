import { useState } from 'react'
import type { z } from 'zod'
import type { FrameworkDetail } from '../../../../src/contract/framework.ts'
import { membershipStatusLabels } from '../../i18n/labels.ts'
import { useT } from '../../i18n/useT.ts'
import { labelOf } from '../../lib/labels.ts'
import { FrameworkForm } from './FrameworkForm.tsx'
import { EndMembershipForm, MembershipForm } from './MembershipForm.tsx'

type FrameworkData = z.infer<typeof FrameworkDetail>
type Open = { form: 'framework' } | { form: 'add' } | { form: 'edit' | 'end'; id: string } | null

/** Edit the framework and its memberships, shown only as far as the page's abilities allow. */
export function FrameworkRegistry({ framework }: { framework: FrameworkData }) {
  const t = useT()
  const [open, setOpen] = useState<Open>(null)
  const close = () => setOpen(null)
  const editable = framework.history.filter((m) => m.abilities.edit || m.abilities.end)
  if (!framework.abilities.edit && !framework.abilities.addMembership && editable.length === 0) return null
  const chosen = open !== null && 'id' in open ? framework.history.find((m) => m.id === open.id) : undefined
  return (
    <section aria-labelledby="registry-title" className="section">
      <h2 id="registry-title">{t('registry.frameworkRegistry.keepThisFrameworkUpTo')}</h2>
      <div className="registry-actions">
        {framework.abilities.edit ? (
          <button type="button" className="button secondary" onClick={() => setOpen({ form: 'framework' })}>
            {t('registry.frameworkRegistry.editFramework')}
          </button>
        ) : null}
        {framework.abilities.addMembership ? (
          <button type="button" className="button" onClick={() => setOpen({ form: 'add' })}>
            {t('registry.frameworkRegistry.addMembership')}
          </button>
        ) : null}
      </div>
      {open?.form === 'framework' ? (
        <FrameworkForm key={framework.id} framework={framework} onDone={close} />
      ) : null}
      {open?.form === 'add' ? (
        <MembershipForm frameworkId={framework.id} membership={null} onDone={close} />
      ) : null}
      {open?.form === 'edit' && chosen !== undefined ? (
        <MembershipForm key={chosen.id} frameworkId={framework.id} membership={chosen} onDone={close} />
      ) : null}
      {open?.form === 'end' && chosen !== undefined ? (
        <EndMembershipForm key={chosen.id} frameworkId={framework.id} membership={chosen} onDone={close} />
      ) : null}
      {editable.length === 0 ? null : (
        <ul className="plain-list" aria-label={t('registry.frameworkRegistry.membershipsToChange')}>
          {editable.map((m) => (
            <li key={m.id} className="registry-actions" data-membership-id={m.id}>
              <span>
                {m.name}: {m.from?.label ?? t('registry.frameworkRegistry.noStart')} –{' '}
                {m.to?.label ?? t('registry.frameworkRegistry.now')} (
                {labelOf(membershipStatusLabels, m.status)})
              </span>
              {m.abilities.edit ? (
                <button
                  type="button"
                  className="button secondary"
                  onClick={() => setOpen({ form: 'edit', id: m.id })}
                >
                  {t('registry.frameworkRegistry.edit')}
                  <span className="visually-hidden">
                    {' '}
                    {t('registry.frameworkRegistry.membershipOf', { name: m.name })}
                  </span>
                </button>
              ) : null}
              {m.abilities.end ? (
                <button
                  type="button"
                  className="button secondary"
                  onClick={() => setOpen({ form: 'end', id: m.id })}
                >
                  {t('registry.frameworkRegistry.end')}
                  <span className="visually-hidden">
                    {' '}
                    {t('registry.frameworkRegistry.membershipOf', { name: m.name })}
                  </span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
