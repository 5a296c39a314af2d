/**
 * The event streams an instance has open. A stream never ends by itself, so a stopping server
 * must end them, or its close would wait on their sockets forever; and a stream asked for while
 * the server is stopping is ended as soon as it is opened.
 */
export interface OpenStreams {
  /** Tracks `end` until `forget` is called; returns false (and ends nothing) when closing. */
  track(end: () => void): boolean
  forget(end: () => void): void
  /** Ends every open stream and refuses new ones. */
  closeAll(): void
  readonly size: number
}

export function openStreams(): OpenStreams {
  const ends = new Set<() => void>()
  let closing = false
  return {
    track(end) {
      if (closing) return false
      ends.add(end)
      return true
    },
    forget(end) {
      ends.delete(end)
    },
    closeAll() {
      closing = true
      for (const end of [...ends]) end()
      ends.clear()
    },
    get size() {
      return ends.size
    },
  }
}
