// nginx as a reference: Debian's package (installed by the benchmark when missing), run as a
// child process with a config of its own in a temporary folder, serving one file's bytes.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort, spawnProgram, stopChild, waitFor200 } from './processes.ts'

export const nginxBinary = '/usr/sbin/nginx'

async function run(command: string, args: string[], limitMs: number): Promise<{ code: number | null; output: string }> {
  const child = spawnProgram(command, args, { ...process.env, DEBIAN_FRONTEND: 'noninteractive' })
  const timer = setTimeout(() => void stopChild(child, 5_000), limitMs)
  const code = await child.exited
  clearTimeout(timer)
  return { code, output: child.output() }
}

/** Installs Debian's nginx when it is missing; throws if that fails. Returns its version line. */
export async function ensureNginx(): Promise<string> {
  if (!existsSync(nginxBinary)) {
    console.log('  nginx is missing: apt-get install -y nginx (for the benchmark)')
    let result = await run('apt-get', ['install', '-y', '--no-install-recommends', 'nginx'], 300_000)
    if (result.code !== 0) {
      await run('apt-get', ['update'], 300_000)
      result = await run('apt-get', ['install', '-y', '--no-install-recommends', 'nginx'], 300_000)
    }
    if (result.code !== 0 || !existsSync(nginxBinary)) throw new Error(`nginx could not be installed: ${result.output.slice(-300)}`)
  }
  const version = await run(nginxBinary, ['-v'], 10_000)
  return version.output.trim().replace(/^nginx version: /, '')
}

export interface RunningNginx {
  baseUrl: string
  /** Where it serves the bytes. */
  path: string
  stop(): Promise<void>
}

/**
 * One nginx process (master_process off: it answers requests itself, as the app's one main thread
 * does; and a kill of that one process stops it all) serving `body` at /page with `contentType`.
 */
export async function startNginx(body: Buffer, contentType: string): Promise<RunningNginx> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'coophub-bench-nginx-'))
  mkdirSync(path.join(dir, 'www'))
  mkdirSync(path.join(dir, 'temp'))
  writeFileSync(path.join(dir, 'www', 'page'), body)
  const port = await freePort()
  const temp = (name: string): string => `${name}_temp_path ${path.join(dir, 'temp', name)};`
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    `daemon off;
master_process off;
worker_processes 1;
pid ${path.join(dir, 'nginx.pid')};
error_log ${path.join(dir, 'error.log')} warn;
events { worker_connections 1024; }
http {
  access_log off;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  types { }
  default_type "${contentType.replaceAll('"', '')}";
  server {
    listen 127.0.0.1:${port};
    root ${path.join(dir, 'www')};
    location / { }
  }
}
`,
  )
  const nginx = spawnProgram(nginxBinary, ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-e', path.join(dir, 'error.log')], process.env)
  const stop = async (): Promise<void> => {
    await stopChild(nginx, 5_000)
    rmSync(dir, { recursive: true, force: true })
  }
  const baseUrl = `http://127.0.0.1:${port}`
  try {
    await waitFor200(`${baseUrl}/page`, nginx, 10_000)
  } catch (error) {
    await stop()
    throw error
  }
  return { baseUrl, path: '/page', stop }
}
