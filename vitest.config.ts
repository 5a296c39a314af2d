import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker per core minus one: a single worker on CI's 2 cores, which
    // leaves a core idle while a file waits on its server, browser or PostgreSQL. Two files at a time
    // (each on its own databases and port 0) keep both cores busy.
    maxWorkers: 2,
    reporters: ['default'],
    // Servers the tests spawn (`liaison serve`) log nothing unless a test turns logging on.
    env: { LIAISON_LOG: '0' },
  },
})
