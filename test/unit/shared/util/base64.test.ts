import { describe, expect, it } from 'vitest';
import { base64FromBytes, base64Utf8, utf8Bytes } from '../../../../shared/util/base64';

describe('base64', () => {
  it('matches RFC 4648 test vectors', () => {
    const vectors: Array<[string, string]> = [
      ['', ''], ['f', 'Zg=='], ['fo', 'Zm8='], ['foo', 'Zm9v'], ['foob', 'Zm9vYg=='], ['fooba', 'Zm9vYmE='], ['foobar', 'Zm9vYmFy'],
    ];
    for (const [input, out] of vectors) expect(base64Utf8(input)).toBe(out);
  });

  it('encodes UTF-8 like Node Buffer does', () => {
    for (const s of ['user:pässwörd', 'Aladdin:open sesame', '日本語:😀', '\u0000\u007f\u0080\u07ff\u0800\uffff']) {
      expect(base64Utf8(s)).toBe(Buffer.from(s, 'utf8').toString('base64'));
    }
  });

  it('encodes lone surrogates as U+FFFD and raw bytes as given', () => {
    expect(utf8Bytes('\ud800x')).toEqual([0xef, 0xbf, 0xbd, 0x78]);
    expect(base64FromBytes([0, 255, 128])).toBe('AP+A');
  });
});
