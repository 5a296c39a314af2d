/**
 * Runs work for the same key one after another within this process. Commands on one programme
 * wait here rather than in the database: every one of them would otherwise take a pooled
 * connection only to wait on the programme's row lock, and fifty writers to one programme would
 * hold the whole pool and starve every other request until the pool's wait gave up (a 500). The
 * row lock still orders commands across instances; this only keeps the queue out of the pool.
 */
const queues = new WeakMap<object, Map<string, Promise<unknown>>>()

export async function oneAtATime<T>(scope: object, key: string, work: () => Promise<T>): Promise<T> {
  let tails = queues.get(scope)
  if (tails === undefined) {
    tails = new Map()
    queues.set(scope, tails)
  }
  const previous = tails.get(key) ?? Promise.resolve()
  const run = previous.then(work, work)
  const tail = run.then(
    () => undefined,
    () => undefined,
  )
  tails.set(key, tail)
  try {
    return await run
  } finally {
    if (tails.get(key) === tail) tails.delete(key)
  }
}
