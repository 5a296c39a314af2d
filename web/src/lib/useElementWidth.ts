import { type RefObject, useEffect, useState } from 'react'

/** The element's content width in CSS pixels, kept up to date so SVG charts draw at real size. */
export function useElementWidth(ref: RefObject<HTMLElement | null>, fallback = 720): number {
  const [width, setWidth] = useState(fallback)
  useEffect(() => {
    const element = ref.current
    if (element === null) {
      return
    }
    const observer = new ResizeObserver((entries) => {
      const measured = entries[0]?.contentRect.width
      if (measured !== undefined && measured > 0) {
        setWidth(Math.floor(measured))
      }
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [ref])
  return width
}
