import type { ResponseRecord, SendErrorInfo } from '../../../shared/model';
import { formatBytes, formatMs } from '../../../shared/util/format';
import { isRefusalStatus, refusalHint, statusTone } from '../../../shared/util/status';
import type { Palette } from './colors';
import { escapeControls } from './safe-text';

export interface FormatOptions { include: boolean; verbose: boolean; body: boolean }

function statusColor(p: Palette, status: number): (t: string) => string {
  switch (statusTone(status)) {
    case 'success': return p.green;
    case 'redirect': return p.blue;
    case 'client-error': return p.yellow;
    case 'refusal': return p.inverseRed;
    case 'server-error': return p.magenta;
    default: return p.dim;
  }
}

/** The human view of a response: status line first, a refusal impossible to miss. */
export function formatResponse(rec: ResponseRecord, p: Palette, opts: FormatOptions): { head: string; body: string | null } {
  const lines: string[] = [];
  if (opts.verbose) {
    for (const hop of rec.redirects) {
      lines.push(p.dim(`* ${hop.status} redirect ${hop.from} -> ${hop.location}${hop.droppedHeaders.length ? ` (dropped: ${hop.droppedHeaders.join(', ')})` : ''}`));
    }
    lines.push(p.cyan(`> ${rec.wire.requestLine}`));
    for (const h of rec.wire.headers) lines.push(`${p.cyan('>')} ${h.name}: ${h.value} ${p.dim(`[${h.origin}]`)}`);
    if (rec.wire.bodyBytes) lines.push(p.dim(`> (${formatBytes(rec.wire.bodyBytes)} body)`));
    if (rec.wire.proxy) lines.push(p.dim(`* via proxy ${rec.wire.proxy}`));
    lines.push(p.cyan('>'));
  }
  const size = formatBytes(rec.size.bodyDecoded) + (rec.size.bodyWire !== rec.size.bodyDecoded ? ` (${formatBytes(rec.size.bodyWire)} on the wire)` : '');
  const statusLine = escapeControls(`HTTP/${rec.httpVersion} ${rec.status} ${rec.statusText}`.trim());
  lines.push(`${statusColor(p, rec.status)(` ${statusLine} `)}  ${p.dim(`${formatMs(rec.timings.total)} · ${size}`)}`);
  if (isRefusalStatus(rec.status)) lines.push(p.red(`✖ ${rec.status} ${rec.statusText || 'refused'}: ${refusalHint(rec.status)}.`));
  if (opts.include || opts.verbose) {
    for (const [k, v] of rec.headers) lines.push(`${opts.verbose ? p.cyan('< ') : ''}${p.bold(escapeControls(k))}: ${escapeControls(v)}`);
  }
  if (opts.verbose) {
    const t = rec.timings;
    const phase = (n: string, v: number | null) => (v === null ? `${n} –` : `${n} ${formatMs(v)}`);
    lines.push(p.dim(`* ${[phase('dns', t.dns), phase('connect', t.connect), phase('tls', t.tls), phase('first byte', t.firstByte), phase('download', t.download), phase('total', t.total)].join(' · ')}`));
  }
  let body: string | null = null;
  if (opts.body) {
    if (rec.body.kind === 'inline') {
      body = rec.body.encoding === 'utf8' ? rec.body.data : `[${formatBytes(rec.size.bodyDecoded)} of binary data; use --output FILE or --json]`;
    } else {
      // The spilled file is removed when the process ends: only --output keeps a body.
      body = `[${formatBytes(rec.size.bodyDecoded)} body not shown; --output FILE saves it]`;
    }
  }
  return { head: lines.join('\n'), body };
}

export function formatSendError(err: SendErrorInfo | { code: string; message: string; reason?: string; remedy?: string }, p: Palette): string {
  const lines = [p.red(`✖ ${escapeControls(err.message)}`) + p.dim(` [${err.code}]`)];
  if (err.reason) lines.push(`  ${p.bold('why:')} ${escapeControls(err.reason)}`);
  if (err.remedy) lines.push(`  ${p.bold('try:')} ${escapeControls(err.remedy)}`);
  return lines.join('\n');
}
