import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default'],
    // Servers the tests spawn (`liaison serve`) log nothing unless a test turns logging on.
    env: { LIAISON_LOG: '0' },
  },
})
