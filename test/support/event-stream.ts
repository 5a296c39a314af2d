/** An SSE client over fetch for tests: collects `changed` events and comment lines as they arrive. */
export interface EventStreamClient {
  readonly status: number
  readonly type: string
  readonly changes: Array<{ id: string; version: number }>
  readonly comments: string[]
  /** Settles when the server ends the stream (or `close` aborts it). */
  readonly ended: Promise<void>
  close(): Promise<void>
}

export async function openEventStream(url: string, cookie: string): Promise<EventStreamClient> {
  const controller = new AbortController()
  const response = await fetch(url, { headers: cookie === '' ? {} : { cookie }, signal: controller.signal })
  const changes: Array<{ id: string; version: number }> = []
  const comments: string[] = []
  const reader = response.body?.getReader()
  const decoder = new TextDecoder()
  let buffer = ''
  const reading = (async () => {
    if (reader === undefined || response.status !== 200) return
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true as const }))
      if (done) return
      buffer += decoder.decode(value, { stream: true })
      let end = buffer.indexOf('\n\n')
      while (end >= 0) {
        const frame = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const lines = frame.split('\n')
        for (const line of lines) if (line.startsWith(':')) comments.push(line.slice(1).trim())
        if (lines.includes('event: changed')) {
          const data = lines.find((line) => line.startsWith('data: '))
          if (data !== undefined) changes.push(JSON.parse(data.slice(6)))
        }
        end = buffer.indexOf('\n\n')
      }
    }
  })()
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    changes,
    comments,
    ended: reading,
    async close() {
      controller.abort()
      await reading
    },
  }
}
