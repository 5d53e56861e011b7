// Packaging as far as it can be checked without Electron's binary: electron-builder accepts the
// configuration (its own schema), every platform's target and icon is there, and the scripts CI
// and the README name exist.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const config = parse(readFileSync('electron-builder.yml', 'utf8')) as Record<string, Record<string, unknown>>;
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string>; devDependencies: Record<string, string> };

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): [number, number] {
  const b = readFileSync(path);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema (and the schema does reject a wrong key)', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as { validateConfiguration(c: unknown, log: unknown): Promise<void> };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (on: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, linux: { ...config.linux, bogus: 1 } }, new DebugLogger(false))).rejects.toThrow(/configuration/);
  });

  it('AppImage and deb, dmg, nsis; the bundle, CLI and package.json are what ships', () => {
    expect(config.linux!.target).toEqual(['AppImage', 'deb']);
    expect(config.mac!.target).toEqual(['dmg']);
    expect(config.win!.target).toEqual(['nsis']);
    expect(config.files).toEqual(['out/**', 'bin/**', 'package.json']);
  });

  it('icons: an SVG source and 512/256 PNGs, each platform pointing at one', () => {
    expect(readFileSync('resources/icon.svg', 'utf8')).toMatch(/^<svg [^>]*viewBox="0 0 512 512"/);
    expect(pngSize('resources/icons/512x512.png')).toEqual([512, 512]);
    expect(pngSize('resources/icons/256x256.png')).toEqual([256, 256]);
    expect(config.mac!.icon).toBe('resources/icons/512x512.png');
    expect(config.win!.icon).toBe('resources/icons/256x256.png');
    expect(config.linux!.icon).toBe('resources/icons');
  });
});

describe('scripts', () => {
  it('npm run dist builds then packages; audit:electron runs in CI before the tests', () => {
    expect(pkg.scripts.dist).toBe('electron-vite build && electron-builder');
    expect(pkg.scripts['audit:electron']).toBe('node scripts/audit-electron.mjs');
    expect(pkg.devDependencies['@doyensec/electronegativity']).toMatch(/^\d+\.\d+\.\d+$/);
    const ci = readFileSync('.ci/run', 'utf8').split('\n');
    const audit = ci.findIndex((l) => l.includes('npm run audit:electron'));
    expect(audit).toBeGreaterThan(-1);
    expect(audit).toBeLessThan(ci.indexOf('npm test'));
  });
});
