/**
 * A real Redis for the tests: the one at `REDIS_URL` (`.ci/run` starts one and sets it), or else
 * a `redis-server` of our own on a free port, stopped when the tests are done. Without either the
 * tests fail, saying how to get one: a dedup store is only as good as the server it runs on.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer, createConnection } from 'node:net'

export interface RedisServer {
  /** `redis://127.0.0.1:<port>` */
  readonly url: string
  /** Stops the server if these tests started it. */
  readonly stop: () => Promise<void>
}

const INSTALL_HINT =
  'Install Redis (Debian/Ubuntu: `apt-get install -y redis-server`; macOS: `brew install redis`), ' +
  'or point REDIS_URL at a running server (`REDIS_URL=redis://127.0.0.1:6379`).'

export async function useRedisServer(): Promise<RedisServer> {
  const fromEnv = process.env['REDIS_URL']
  if (fromEnv !== undefined && fromEnv !== '') {
    const { hostname, port } = new URL(fromEnv)
    if (!(await answersPing(hostname, Number(port || 6379)))) {
      throw new Error(`REDIS_URL is ${fromEnv}, but no Redis answers PING there. ${INSTALL_HINT}`)
    }
    return { url: fromEnv, stop: () => Promise.resolve() }
  }
  return startRedisServer()
}

async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort()
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  const collect = (chunk: Buffer) => (output += chunk.toString('utf8'))
  child.stdout.on('data', collect)
  child.stderr.on('data', collect)
  // Not events.once: it rejects on 'error' too, which is reported below.
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new Error(
              `No Redis for the tests: REDIS_URL is not set and redis-server is not installed. ${INSTALL_HINT}`,
            )
          : error,
      )
    })
    void exited.then((code) => {
      reject(new Error(`redis-server exited with ${String(code)} before it was ready:\n${output}`))
    })
  })
  await Promise.race([failed, waitForPing(port)])
  return {
    url: `redis://127.0.0.1:${port}`,
    stop: () => stopChild(child, exited),
  }
}

async function stopChild(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null) return
  child.kill('SIGTERM')
  await exited
}

async function waitForPing(port: number): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (await answersPing('127.0.0.1', port)) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`redis-server on port ${port} did not answer PING within 10 s.`)
}

/** Whether a Redis answers PING at host:port, in RESP, without any client library. */
function answersPing(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port })
    let reply = ''
    const done = (answer: boolean) => {
      socket.destroy()
      resolve(answer)
    }
    socket.setTimeout(2000, () => {
      done(false)
    })
    socket.once('error', () => {
      done(false)
    })
    socket.once('connect', () => socket.write('PING\r\n'))
    socket.on('data', (chunk) => {
      reply += chunk.toString('utf8')
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'))
    })
  })
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => {
        resolve(port)
      })
    })
  })
}
