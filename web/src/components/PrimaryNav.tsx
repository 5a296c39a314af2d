import { useEffect, useRef, useState } from 'react'
import { NavLink, useLocation } from 'react-router'
import { useSession } from '../features/session/queries.ts'
import { useT } from '../i18n/useT.ts'
import { type NavItem, navItems } from '../nav.ts'

function ItemLink({ item }: { item: NavItem }) {
  const t = useT()
  return item.external === true ? (
    <a href={item.to}>{t(item.label)}</a>
  ) : (
    <NavLink to={item.to}>{t(item.label)}</NavLink>
  )
}

/**
 * The "More" group: a disclosure button (Enter or Space opens it, Escape closes it and returns the
 * focus, leaving it closes it) over the secondary areas. On phones the group is simply part of the menu.
 */
function MoreGroup({ items }: { items: readonly NavItem[] }) {
  const t = useT()
  const [open, setOpen] = useState(false)
  const location = useLocation()
  const button = useRef<HTMLButtonElement>(null)
  const group = useRef<HTMLLIElement>(null)
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only
  useEffect(() => setOpen(false), [location.pathname])
  const current = items.some((item) => location.pathname.startsWith(item.to))
  return (
    <li
      ref={group}
      className="nav-more"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          setOpen(false)
          button.current?.focus()
        }
      }}
      onBlur={(event) => {
        if (!group.current?.contains(event.relatedTarget)) setOpen(false)
      }}
    >
      <button
        ref={button}
        type="button"
        className={`nav-more-button${current ? ' active' : ''}`}
        aria-expanded={open}
        aria-controls="nav-more-list"
        onClick={() => setOpen((value) => !value)}
      >
        {t('ui.primaryNav.more')} <span aria-hidden="true">▾</span>
      </button>
      <ul id="nav-more-list" className={`nav-more-list${open ? ' is-open' : ''}`}>
        {items.map((item) => (
          <li key={item.to}>
            <ItemLink item={item} />
          </li>
        ))}
      </ul>
    </li>
  )
}

/** The header's navigation: the main areas in a row, the rest under "More"; one "Menu" on phones. */
export function PrimaryNav() {
  const t = useT()
  const [open, setOpen] = useState(false)
  const location = useLocation()
  const session = useSession().data
  const granted = session?.permissions ?? []
  // A page change closes the phone menu.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only
  useEffect(() => setOpen(false), [location.pathname])
  const shown = navItems
    .filter((item) => item.permission === undefined || granted.some((p) => p === item.permission))
    .filter((item) => item.ability === undefined || session?.abilities[item.ability] === true)
  const more = shown.filter((item) => item.more === true)
  return (
    <nav aria-label={t('ui.primaryNav.primary')} className={`primary-nav${open ? ' is-open' : ''}`}>
      <button
        type="button"
        className="nav-toggle"
        aria-expanded={open}
        aria-controls="primary-nav-list"
        onClick={() => setOpen((value) => !value)}
      >
        <span className="nav-toggle-icon" aria-hidden="true" />
        {t('ui.primaryNav.menu')}
      </button>
      <ul id="primary-nav-list" className="nav-list">
        {shown
          .filter((item) => item.more !== true)
          .map((item) => (
            <li key={item.to}>
              <ItemLink item={item} />
            </li>
          ))}
        {more.length === 0 ? null : <MoreGroup items={more} />}
      </ul>
    </nav>
  )
}
