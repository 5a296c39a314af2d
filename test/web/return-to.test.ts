import { describe, expect, it } from 'vitest'
import { safeNext, signInPath } from '../../web/src/lib/return-to.ts'

describe('returning to the requested page after sign-in', () => {
  it('carries the whole address of a deep link', () => {
    expect(signInPath({ pathname: '/programmes/jpn-itpp', search: '?tab=versions', hash: '#diff' })).toBe(
      '/sign-in?next=%2Fprogrammes%2Fjpn-itpp%3Ftab%3Dversions%23diff',
    )
    expect(signInPath({ pathname: '/', search: '', hash: '' })).toBe('/sign-in')
  })

  it('follows only same-site paths, and lands on the dashboard otherwise', () => {
    expect(safeNext('/programmes/jpn-itpp?tab=versions')).toBe('/programmes/jpn-itpp?tab=versions')
    expect(safeNext('//evil.example/')).toBe('/')
    expect(safeNext('https://evil.example/')).toBe('/')
    expect(safeNext(null)).toBe('/')
  })
})
