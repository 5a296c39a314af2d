import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker per core minus one: a single worker on CI's 2 cores, which
    // leaves a core idle while a file waits on its server, browser or PostgreSQL. Two files at a time
    // (each on its own databases and port 0) keep both cores busy.
    maxWorkers: 2,
    reporters: ['default'],
    // Servers the tests spawn (`liaison serve`) log nothing unless a test turns logging on.
    env: { LIAISON_LOG: '0' },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/e2e/**'],
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/e2e/**/*.test.ts'],
          // A browser test walks a user's whole task (sign in, several pages, axe on each). Every
          // step has its own 15 s limit (test/support/browser.ts); the test's limit only has to
          // hold the sum of them on a loaded machine (CI: two files and two Chromiums on 2 cores).
          testTimeout: 120_000,
        },
      },
    ],
  },
})
