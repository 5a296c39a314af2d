import { useT } from '../../i18n/useT.ts'
/** Roles as checkboxes: only those the administrator may grant (the API's `grantableRoles`). */
export function RoleChoices({
  idPrefix,
  offered,
  chosen,
  onChange,
  error,
}: {
  idPrefix: string
  offered: readonly string[]
  chosen: readonly string[]
  onChange: (roles: string[]) => void
  error: string | undefined
}) {
  const t = useT()
  const toggle = (role: string, on: boolean) =>
    onChange(on ? [...chosen, role] : chosen.filter((held) => held !== role))
  return (
    <fieldset
      className={`field role-choices${error === undefined ? '' : ' has-error'}`}
      {...(error === undefined ? {} : { 'aria-describedby': `${idPrefix}-roles-error` })}
    >
      <legend>{t('accounts.roleChoices.roles')}</legend>
      {offered.map((role) => (
        <label key={role} className="checkbox">
          <input
            type="checkbox"
            checked={chosen.includes(role)}
            onChange={(event) => toggle(role, event.target.checked)}
          />{' '}
          {role}
        </label>
      ))}
      {error === undefined ? null : (
        <p className="field-error" id={`${idPrefix}-roles-error`}>
          {error}
        </p>
      )}
    </fieldset>
  )
}
