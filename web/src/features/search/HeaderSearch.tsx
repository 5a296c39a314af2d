import { type FormEvent, useEffect, useRef, useState } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { useT } from '../../i18n/useT.ts'

/** True when a key press is meant for a field the person is typing in. */
function typingIn(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  )
}

/** The search box in the header: `/` focuses it from anywhere, Enter opens /search?q=. */
export function HeaderSearch() {
  const t = useT()
  const navigate = useNavigate()
  const location = useLocation()
  const input = useRef<HTMLInputElement>(null)
  const current = location.pathname === '/search' ? (new URLSearchParams(location.search).get('q') ?? '') : ''
  const [text, setText] = useState(current)
  useEffect(() => setText(current), [current])
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !typingIn(event.target)) {
        event.preventDefault()
        input.current?.focus()
      }
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [])
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (text.trim() !== '') {
      navigate(`/search?${new URLSearchParams({ q: text.trim() }).toString()}`)
    }
  }
  return (
    <search className="header-search" aria-label={t('search.headerSearch.searchEverything')}>
      <form onSubmit={submit}>
        <label htmlFor="header-search-input" className="visually-hidden">
          {t('search.headerSearch.searchEverythingPressToFocus')}
        </label>
        <input
          id="header-search-input"
          ref={input}
          className="input"
          type="search"
          placeholder={t('search.headerSearch.search')}
          maxLength={1000}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </form>
    </search>
  )
}
