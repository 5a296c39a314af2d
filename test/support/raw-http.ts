import net from 'node:net'

/** One HTTP/1.1 answer read off the wire, framed by its Content-Length. */
export interface RawAnswer {
  readonly status: number
  readonly headers: ReadonlyMap<string, string>
  readonly body: string
}

/** Splits what a server wrote on a connection into its answers (each with a Content-Length). */
export function parseAnswers(wire: string): RawAnswer[] {
  const answers: RawAnswer[] = []
  let rest = Buffer.from(wire, 'latin1')
  while (rest.length > 0) {
    const end = rest.indexOf('\r\n\r\n')
    if (end < 0) {
      throw new Error(`an answer without the end of its headers: ${rest.toString('latin1').slice(0, 200)}`)
    }
    const [statusLine = '', ...lines] = rest.subarray(0, end).toString('latin1').split('\r\n')
    const status = Number(/^HTTP\/1\.1 (\d{3}) /.exec(statusLine)?.[1])
    const headers = new Map<string, string>()
    for (const line of lines) {
      const colon = line.indexOf(':')
      headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim())
    }
    const length = Number(headers.get('content-length') ?? 0)
    const body = rest.subarray(end + 4, end + 4 + length)
    answers.push({ status, headers, body: body.toString('utf8') })
    rest = rest.subarray(end + 4 + length)
  }
  return answers
}

/**
 * Writes bytes that fetch would refuse to send (broken request lines, framing, header floods) on a
 * fresh connection and reads everything the server answers until it closes the connection; fails
 * when the server keeps it open longer than `timeoutMs`. `halfClose` ends the client's side after
 * writing, as a client that sent a shorter body than it announced.
 */
export function rawExchange(
  serverUrl: string,
  request: string,
  options: { halfClose?: boolean; timeoutMs?: number } = {},
): Promise<{ wire: string; answers: RawAnswer[] }> {
  const { port, hostname } = new URL(serverUrl)
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => {
      socket.write(request, 'latin1')
      if (options.halfClose === true) {
        socket.end()
      }
    })
    const chunks: Buffer[] = []
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error(`the server kept the connection open: ${Buffer.concat(chunks).toString('latin1')}`))
    }, options.timeoutMs ?? 5_000)
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('error', () => {
      // A reset after the answer still leaves the answer to check; 'close' follows.
    })
    socket.on('close', () => {
      clearTimeout(timer)
      const wire = Buffer.concat(chunks).toString('latin1')
      try {
        resolve({ wire, answers: parseAnswers(wire) })
      } catch (error) {
        reject(error)
      }
    })
  })
}
