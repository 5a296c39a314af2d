import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useState,
} from 'react'
import type { z } from 'zod'
import type { MarkingView } from '../../../src/contract/common.ts'
import { highestMarking, type Marking, markingLabel } from '../../../src/domain/marking.ts'
import { useT } from '../i18n/useT.ts'

type MarkingData = z.infer<typeof MarkingView>

interface MarkingRegistry {
  readonly report: (key: string, marking: Marking | undefined) => void
  readonly page: Marking
}

const publicPage: Marking = { classification: 'PUBLIC', releasableTo: [] }
const MarkingContext = createContext<MarkingRegistry>({ report: () => {}, page: publicPage })

/** Collects the markings of every response the current page shows, so banners can show the highest. */
export function MarkingProvider({ children }: { children: ReactNode }) {
  const [markings, setMarkings] = useState<ReadonlyMap<string, Marking>>(new Map())
  const report = useCallback((key: string, marking: Marking | undefined) => {
    setMarkings((current) => {
      const existing = current.get(key)
      if (existing === marking) {
        return current
      }
      const next = new Map(current)
      if (marking === undefined) {
        next.delete(key)
      } else {
        next.set(key, marking)
      }
      return next
    })
  }, [])
  const page = useMemo(() => highestMarking(markings.values()), [markings])
  const value = useMemo(() => ({ report, page }), [report, page])
  return <MarkingContext.Provider value={value}>{children}</MarkingContext.Provider>
}

/**
 * A page calls this with the `marking` of each API response it shows. The marking counts towards
 * the banners while the component is mounted.
 */
export function usePageMarking(marking: MarkingData | undefined): void {
  const key = useId()
  const { report } = useContext(MarkingContext)
  useEffect(() => {
    report(key, marking)
    return () => report(key, undefined)
  }, [key, marking, report])
}

export function usePageMarkingValue(): Marking {
  return useContext(MarkingContext).page
}

function classificationClass(marking: Marking): string {
  return `marking-${marking.classification.toLowerCase()}`
}

/** The banner at the top and bottom of every page: the highest marking of what the page shows. */
export function MarkingBanner({ position }: { position: 'top' | 'bottom' }) {
  const t = useT()
  const marking = usePageMarkingValue()
  const label = markingLabel(marking)
  const className = `marking-banner ${classificationClass(marking)}`
  // The top banner is a live status so a change of marking is announced; the bottom one is a note.
  return position === 'top' ? (
    <div
      className={className}
      role="status"
      aria-label={t('ui.marking.pageMarking', { label })}
      data-marking={marking.classification}
    >
      {label}
    </div>
  ) : (
    <div
      className={className}
      role="note"
      aria-label={t('ui.marking.pageMarking', { label })}
      data-marking={marking.classification}
    >
      {label}
    </div>
  )
}

/** A small tag next to a record whose marking is not PUBLIC. */
export function MarkingTag({ marking }: { marking: MarkingData }) {
  const t = useT()
  if (marking.classification === 'PUBLIC') {
    return null
  }
  return (
    <span
      className={`tag marking-tag ${classificationClass(marking)}`}
      title={t('ui.marking.marking', { label: marking.label })}
    >
      {marking.label}
    </span>
  )
}
