import type { z } from 'zod'
import type { MarkingView } from '../../../../src/contract/common.ts'

/** A compact marking for one part of a programme; PUBLIC parts show nothing. */
export function MarkingTagFor({ marking }: { marking: z.infer<typeof MarkingView> }) {
  if (marking.classification === 'PUBLIC') return null
  return (
    <span className={`marking-tag marking-${marking.classification.toLowerCase()}`}>{marking.label}</span>
  )
}
