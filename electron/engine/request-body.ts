import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { fileSize, prepareMultipart } from './multipart';
import { impliedContentType } from '../../shared/http/default-headers';
import type { Body } from '../../shared/model';
import { encodeComponent } from '../../shared/util/well-formed';

export interface PreparedBody {
  /** bytes that go on the wire; null for no body */
  length: number | null;
  /** Content-Type the engine computes (used unless the user set one) */
  contentType?: string;
  /** Buffer bodies are reusable as is; streams are reopened per hop */
  data: Buffer | (() => Readable) | null;
}

export const NO_BODY: PreparedBody = { length: null, data: null };

export async function prepareBody(body: Body): Promise<PreparedBody> {
  switch (body.kind) {
    case 'none':
      return NO_BODY;
    case 'json':
    case 'text':
      return buffered(Buffer.from(body.text), impliedContentType(body)!);
    case 'form': {
      const text = body.fields
        .filter((f) => f.enabled !== false)
        .map((f) => `${formEncode(f.name)}=${formEncode(f.value)}`)
        .join('&');
      return buffered(Buffer.from(text), impliedContentType(body)!);
    }
    case 'multipart': {
      const m = await prepareMultipart(body.parts);
      return { length: m.length, contentType: m.contentType, data: m.open };
    }
    case 'binary': {
      const size = await fileSize(body.file, 'body file');
      const path = body.file;
      return { length: size, contentType: impliedContentType(body), data: () => createReadStream(path) };
    }
  }
}

function buffered(data: Buffer, contentType: string): PreparedBody {
  return { length: data.length, contentType, data };
}

/** application/x-www-form-urlencoded as browsers write it (space as +). */
function formEncode(s: string): string {
  return encodeComponent(s).replace(/%20/g, '+').replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
