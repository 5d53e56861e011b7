import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nginxPreamble, runNginxConf } from './nginx';
import { freePort } from './ports';

export interface NginxH2 {
  /** https://localhost:<port>: TLS with ALPN h2 and http/1.1 */
  url: string;
  /** http://127.0.0.1:<port>: HTTP/2 with prior knowledge only (h2c) */
  h2cUrl: string;
  /** files served from the https root (name → content) */
  www: string;
  /** access-log lines `METHOD URI $server_protocol STATUS` so far */
  log: () => string[];
  /** waits until a line for `uri` is logged (nginx logs after the response) and returns it */
  logged: (uri: string) => Promise<string>;
  stop: () => Promise<void>;
}

/**
 * A real nginx speaking HTTP/2: on TLS (`listen … ssl http2`, nginx 1.22's syntax) and in clear
 * with prior knowledge, with gzip, static files, a redirect, and `$server_protocol` in its log.
 */
export async function startNginxH2(tls: { cert: string; key: string }, files: Record<string, string | Buffer>): Promise<NginxH2> {
  const dir = mkdtempSync(join(tmpdir(), 'clearance-nginx-h2-'));
  chmodSync(dir, 0o755);
  const www = join(dir, 'www');
  mkdirSync(www);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(www, name), content);
  const [port, h2cPort] = [await freePort(), await freePort()];
  const conf = `
${nginxPreamble(dir)}
  log_format proto '$request_method $request_uri $server_protocol $status';
  types { application/json json; application/octet-stream bin; }
  gzip on;
  gzip_types application/json;
  gzip_min_length 100;
  server {
    listen 127.0.0.1:${port} ssl http2;
    server_name localhost;
    ssl_certificate ${tls.cert};
    ssl_certificate_key ${tls.key};
    access_log ${dir}/proto.log proto;
    root ${www};
    location = /redirect { return 302 /final; }
    location = /final { default_type text/plain; return 200 "final\\n"; }
    location = /echo { default_type text/plain; return 200 "te=$http_te pc=$http_proxy_connection\\n"; }
  }
  server {
    listen 127.0.0.1:${h2cPort} http2;
    access_log ${dir}/proto.log proto;
    location / { default_type text/plain; return 200 "h2c ok\\n"; }
  }
}
`;
  const proc = await runNginxConf(dir, conf, port);
  const logPath = join(dir, 'proto.log');
  const log = (): string[] => (existsSync(logPath) ? readFileSync(logPath, 'utf8').split('\n').filter((l) => l !== '') : []);
  return {
    url: `https://localhost:${port}`,
    h2cUrl: `http://127.0.0.1:${h2cPort}`,
    www,
    log,
    logged: async (uri) => {
      const end = Date.now() + 5_000;
      for (;;) {
        const line = log().reverse().find((l) => l.split(' ')[1] === uri);
        if (line) return line;
        if (Date.now() > end) throw new Error(`nginx logged nothing for ${uri}; log:\n${log().join('\n')}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    stop: async () => {
      await proc.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
