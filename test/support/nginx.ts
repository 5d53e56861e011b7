import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports';
import { runUntilListening } from './process-runner';

export interface NginxTls {
  cert: string;
  key: string;
  /** CA file for ssl_verify_client on (mTLS) */
  clientCa?: string;
}

export interface RunningNginx {
  port: number;
  url: string;
  stop: () => Promise<void>;
}

/** The top of an nginx.conf whose logs, pid and temp files all live in `dir`; the caller closes the http block. */
export function nginxPreamble(dir: string): string {
  return `worker_processes 1;
error_log ${dir}/error.log;
pid ${dir}/nginx.pid;
events { worker_connections 64; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;`;
}

/** Starts nginx on `conf` (written into `dir`) and waits for `port`; on failure removes `dir` and reports nginx's error log. */
export async function runNginxConf(dir: string, conf: string, port: number): Promise<Awaited<ReturnType<typeof runUntilListening>>> {
  writeFileSync(join(dir, 'nginx.conf'), conf);
  return runUntilListening('/usr/sbin/nginx', ['-c', join(dir, 'nginx.conf'), '-p', dir, '-g', 'daemon off;'], port).catch((err: Error) => {
    let log = '';
    try { log = readFileSync(join(dir, 'error.log'), 'utf8'); } catch { /* no log yet */ }
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${err.message}\n${log}`);
  });
}

/** A real nginx on 127.0.0.1:<free port> with TLS, answering every request with a short text. */
export async function startNginx(tls: NginxTls): Promise<RunningNginx> {
  const dir = mkdtempSync(join(tmpdir(), 'clearance-nginx-'));
  chmodSync(dir, 0o755);
  const port = await freePort();
  const mtls = tls.clientCa ? `ssl_client_certificate ${tls.clientCa};\n    ssl_verify_client on;` : '';
  const conf = `
${nginxPreamble(dir)}
  server {
    listen 127.0.0.1:${port} ssl;
    server_name localhost;
    ssl_certificate ${tls.cert};
    ssl_certificate_key ${tls.key};
    ${mtls}
    location / {
      default_type text/plain;
      return 200 "nginx ok client=$ssl_client_verify sni=$ssl_server_name\\n";
    }
  }
}
`;
  const proc = await runNginxConf(dir, conf, port);
  return {
    port,
    url: `https://localhost:${port}`,
    stop: async () => {
      await proc.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
