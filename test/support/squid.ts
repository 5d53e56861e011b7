import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports';
import { runUntilListening } from './process-runner';

export interface RunningSquid {
  port: number;
  url: string;
  dir: string;
  stop: () => Promise<void>;
}

/**
 * A real squid forward proxy on 127.0.0.1:<free port> requiring basic auth user:password;
 * `denyHosts` (IP addresses) are refused with Squid's own 403 page before any authentication.
 */
export async function startSquid(user: string, password: string, opts: { denyHosts?: string[] } = {}): Promise<RunningSquid> {
  const dir = mkdtempSync(join(tmpdir(), 'clearance-squid-'));
  const port = await freePort();
  const hash = execFileSync('openssl', ['passwd', '-apr1', password], { encoding: 'utf8' }).trim();
  writeFileSync(join(dir, 'htpasswd'), `${user}:${hash}\n`);
  const asRoot = userInfo().uid === 0;
  const conf = `
http_port 127.0.0.1:${port}
pid_filename ${dir}/squid.pid
cache_log ${dir}/cache.log
access_log ${dir}/access.log
cache_store_log none
coredump_dir ${dir}
netdb_filename none
cache deny all
cache_mem 8 MB
shutdown_lifetime 0 seconds
${asRoot ? 'cache_effective_user proxy' : ''}
auth_param basic program /usr/lib/squid/basic_ncsa_auth ${dir}/htpasswd
auth_param basic children 2
auth_param basic realm clearance-test
${opts.denyHosts?.length ? `acl denied_hosts dst ${opts.denyHosts.join(' ')}\nhttp_access deny denied_hosts` : ''}
acl authed proxy_auth REQUIRED
http_access allow authed
http_access deny all
`;
  writeFileSync(join(dir, 'squid.conf'), conf);
  chmodSync(dir, 0o755);
  if (asRoot) {
    // squid drops to the proxy user; it must write its logs and read the password file.
    const { uid, gid } = { uid: Number(execFileSync('id', ['-u', 'proxy'], { encoding: 'utf8' })), gid: Number(execFileSync('id', ['-g', 'proxy'], { encoding: 'utf8' })) };
    chownSync(dir, uid, gid);
    for (const f of readdirSync(dir)) chownSync(join(dir, f), uid, gid);
  }
  const proc = await runUntilListening('/usr/sbin/squid', ['-N', '-f', join(dir, 'squid.conf')], port, 20_000).catch((err: Error) => {
    let parse = '';
    try { parse = execFileSync('/usr/sbin/squid', ['-k', 'parse', '-f', join(dir, 'squid.conf')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }); } catch (e) { parse = String((e as { stderr?: string }).stderr ?? e); }
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${err.message}\n${parse}`);
  });
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    dir,
    stop: async () => {
      await proc.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
