import { type RefObject, useEffect, useRef } from 'react'
import { NavLink, Route, Routes, useLocation } from 'react-router'
import { MarkingBanner, MarkingProvider } from './components/marking.tsx'
import { PrimaryNav } from './components/PrimaryNav.tsx'
import { HeaderSearch } from './features/search/HeaderSearch.tsx'
import { SessionControl } from './features/session/SessionControl.tsx'
import { LanguageSwitch } from './i18n/LanguageSwitch.tsx'
import { useT } from './i18n/useT.ts'
import { routes } from './routes/index.tsx'

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
  const t = useT()
  const mainRef = useRef<HTMLElement>(null)
  useFocusMainOnNavigate(mainRef)
  return (
    <MarkingProvider>
      <a className="skip-link" href="#main">
        {t('app.app.skipToContent')}
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
        <p>{t('app.app.liaisonPartnershipProgrammeManagementDem')}</p>
      </footer>
      <MarkingBanner position="bottom" />
    </MarkingProvider>
  )
}
