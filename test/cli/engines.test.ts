import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { satisfies, unsupportedEngines } from '../support/node-engines.ts'

/** The Node versions the README promises: the oldest of each supported line. */
const promised = ['20.19.0', '22.13.0', '24.0.0']

const root = join(import.meta.dirname, '../..')

describe('Node versions promised by package.json', () => {
  it('reads npm ranges as npm does', () => {
    expect(satisfies('20.19.0', '>=20.19')).toBe(true)
    expect(satisfies('20.18.3', '>=20.19')).toBe(false)
    expect(satisfies('20.19.0', '>=22')).toBe(false)
    expect(satisfies('22.13.0', '^20.19.0 || ^22.13.0 || >=23.5.0')).toBe(true)
    expect(satisfies('22.12.0', '^20.19.0 || ^22.13.0 || >=23.5.0')).toBe(false)
    expect(satisfies('20.19.0', '^22 || ^24 || >=26')).toBe(false)
    expect(satisfies('25.0.0', '^22 || ^24 || >=26')).toBe(false)
    expect(satisfies('24.0.0', '20.x || 22.x || 23.x || 24.x || 25.x || 26.x')).toBe(true)
    expect(satisfies('20.19.0', '>= 0.8')).toBe(true)
    expect(satisfies('20.19.0', '10.* || >= 12.*')).toBe(true)
    expect(satisfies('15.0.0', '>=16 || 14 >=14.17')).toBe(false)
    expect(satisfies('14.18.0', '>=16 || 14 >=14.17')).toBe(true)
    expect(satisfies('20.19.0', '*')).toBe(true)
  })

  it('every package in the lock file accepts Node 20.19, 22.13 and 24 (no EBADENGINE on npm ci)', () => {
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'))
    expect(unsupportedEngines(lock, promised)).toEqual([])
  })

  it('package.json promises the same versions', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      engines: { node: string }
    }
    for (const version of promised) {
      expect(satisfies(version, manifest.engines.node)).toBe(true)
    }
    expect(satisfies('20.18.0', manifest.engines.node)).toBe(false)
    expect(satisfies('22.12.0', manifest.engines.node)).toBe(false)
  })
})
