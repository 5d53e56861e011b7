import type { Socket } from 'node:net';
import { SendFailure } from './send-failure';

const MAX_HEAD = 64 * 1024;

/** Sends CONNECT on an open proxy socket and resolves once the proxy answers 200. */
export function openTunnel(socket: Socket, authority: string, auth: string | undefined, proxyName: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let head = Buffer.alloc(0);
    const cleanup = (): void => {
      socket.off('data', onData);
      socket.off('close', onClose);
      socket.off('error', onError);
    };
    const onClose = (): void => {
      cleanup();
      reject(new SendFailure('proxy', `Proxy ${proxyName} closed the connection during CONNECT ${authority}`));
    };
    const onError = (err: Error): void => {
      cleanup();
      reject(new SendFailure('proxy', `Proxy ${proxyName} failed during CONNECT ${authority}: ${err.message}`));
    };
    const onData = (chunk: Buffer): void => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) {
        if (head.length > MAX_HEAD) onError(new Error('response head too large'));
        return;
      }
      cleanup();
      socket.pause();
      const statusLine = head.subarray(0, head.indexOf('\r\n')).toString('latin1');
      const status = Number(statusLine.split(' ')[1]);
      if (status === 200) {
        if (end + 4 < head.length) socket.unshift(head.subarray(end + 4));
        resolve();
      } else if (status === 407) {
        reject(new SendFailure('proxy-auth', `Proxy ${proxyName} answered ${statusLine} to CONNECT ${authority}${auth ? ' (credentials rejected)' : ' (no credentials sent)'}`));
      } else {
        reject(new SendFailure('proxy', `Proxy ${proxyName} refused CONNECT ${authority}: ${statusLine}`));
      }
    };
    socket.on('data', onData);
    socket.once('close', onClose);
    socket.once('error', onError);
    socket.write(`CONNECT ${authority} HTTP/1.1\r\nHost: ${authority}\r\n${auth ? `Proxy-Authorization: ${auth}\r\n` : ''}\r\n`);
  });
}
