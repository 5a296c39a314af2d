import type { ReactNode } from 'react'

/**
 * A wide table's scroll box. It can take focus so keyboard users can scroll it sideways on a
 * phone (WCAG 2.1.1; axe's scrollable-region-focusable), and is named so the focus stop makes sense.
 */
export function TableWrap({
  label,
  className,
  children,
}: {
  label: string
  className?: string
  children: ReactNode
}) {
  return (
    <section
      className={`table-wrap${className === undefined ? '' : ` ${className}`}`}
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
    >
      {children}
    </section>
  )
}
