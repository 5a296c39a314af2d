import { type RefObject, useEffect, useRef, useState } from 'react'
import { NavLink, Route, Routes, useLocation } from 'react-router'
import { MarkingBanner, MarkingProvider } from './components/marking.tsx'
import { HeaderSearch } from './features/search/HeaderSearch.tsx'
import { useSession } from './features/session/queries.ts'
import { SessionControl } from './features/session/SessionControl.tsx'
import { LanguageSwitch } from './i18n/LanguageSwitch.tsx'
import { navItems } from './nav.ts'
import { routes } from './routes/index.tsx'

function PrimaryNav() {
  const [open, setOpen] = useState(false)
  const location = useLocation()
  const session = useSession().data
  const granted = session?.permissions ?? []
  // A page change closes the phone menu.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only
  useEffect(() => setOpen(false), [location.pathname])
  return (
    <nav aria-label="Primary" className={`primary-nav${open ? ' is-open' : ''}`}>
      <button
        type="button"
        className="nav-toggle"
        aria-expanded={open}
        aria-controls="primary-nav-list"
        onClick={() => setOpen((value) => !value)}
      >
        <span className="nav-toggle-icon" aria-hidden="true" />
        Menu
      </button>
      <ul id="primary-nav-list" className="nav-list">
        {navItems
          .filter((item) => item.permission === undefined || granted.some((p) => p === item.permission))
          .filter((item) => item.ability === undefined || session?.abilities[item.ability] === true)
          .map((item) => (
            <li key={item.to}>
              {item.external === true ? (
                <a href={item.to}>{item.label}</a>
              ) : (
                <NavLink to={item.to}>{item.label}</NavLink>
              )}
            </li>
          ))}
      </ul>
    </nav>
  )
}

/** After client-side navigation, focus moves to the main region so keyboard and screen reader users start at the content. */
function useFocusMainOnNavigate(main: RefObject<HTMLElement | null>) {
  const location = useLocation()
  const first = useRef(true)
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation only
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    main.current?.focus({ preventScroll: false })
  }, [location.pathname])
}

export function App() {
  const mainRef = useRef<HTMLElement>(null)
  useFocusMainOnNavigate(mainRef)
  return (
    <MarkingProvider>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <MarkingBanner position="top" />
      <header className="site-header">
        <div className="header-inner">
          <NavLink to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              L
            </span>
            <span className="brand-name">Liaison</span>
          </NavLink>
          <PrimaryNav />
          <HeaderSearch />
          <div className="header-session">
            <LanguageSwitch />
            <SessionControl />
          </div>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="site-main">
        <Routes>
          {routes.map((route) => (
            <Route key={route.path} path={route.path} element={route.element} />
          ))}
        </Routes>
      </main>
      <footer className="site-footer">
        <p>
          Liaison — partnership programme management. Demo data from public sources; illustrative records are
          marked.
        </p>
      </footer>
      <MarkingBanner position="bottom" />
    </MarkingProvider>
  )
}
