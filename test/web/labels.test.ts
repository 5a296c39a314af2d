import { describe, expect, it } from 'vitest'

describe('slug labels', () => {
  it('has a message for every slug of every family (the app stops at start-up otherwise)', async () => {
    const labels = await import('../../web/src/i18n/labels.ts')
    expect(labels.engagementKindLabels.other).toBe('Other')
    expect(Object.keys(labels.engagementKindLabels).length).toBeGreaterThan(0)
  })
})
