/** Only same-site paths are followed after sign-in, so a link cannot send people elsewhere. */
export function safeNext(value: string | null, fallback = '/'): string {
  return value?.startsWith('/') && !value.startsWith('//') && !value.startsWith('/sign-in') ? value : fallback
}

/** The sign-in page's address that comes back to `here` (path, query and fragment) afterwards. */
export function signInPath(here: { pathname: string; search: string; hash: string }): string {
  const next = `${here.pathname}${here.search}${here.hash}`
  return next === '/' || here.pathname === '/sign-in'
    ? '/sign-in'
    : `/sign-in?next=${encodeURIComponent(next)}`
}
