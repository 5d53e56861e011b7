import { describe, expect, it } from 'vitest';
import { GATEWAY_PRESETS, presetById } from '../../../../shared/presets';
import { GatewayProfileSchema, KEY_KINDS } from '../../../../shared/model';

describe('gateway presets', () => {
  it('covers the gateways the product names', () => {
    for (const id of ['direct', 'aws-api-gateway-rest', 'aws-api-gateway-http', 'kong', 'apigee', 'azure-apim', 'apisix', 'tyk', 'krakend',
      'google-api-gateway', 'apipark', 'openai-compatible', 'nginx-reverse-proxy', 'corporate-forward-proxy']) {
      expect(presetById(id), id).toBeDefined();
    }
  });

  it.each(GATEWAY_PRESETS.map((p) => [p.id, p] as const))('%s has its required fields, an https source and a valid template', (_id, p) => {
    expect(p.id).toMatch(/^[a-z0-9-]+$/);
    expect(p.name.length).toBeGreaterThan(2);
    expect(p.summary.length).toBeGreaterThan(20);
    expect(p.source).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]+\//);
    expect(p.refusalHints.length).toBeGreaterThan(0);
    for (const k of p.keyPlacements) {
      expect(KEY_KINDS).toContain(k.kind);
      expect(k.name).toMatch(/^[A-Za-z0-9-]+$/);
    }
    expect(GatewayProfileSchema.parse({ name: p.id, ...p.template }).preset).toBe(p.id);
  });

  it('records the documented key names', () => {
    const names = (id: string) => presetById(id)!.keyPlacements.map((k) => `${k.in}:${k.name}`);
    expect(names('aws-api-gateway-rest')).toContain('header:x-api-key');
    expect(presetById('aws-api-gateway-rest')!.prefixPattern).toBe('/{stage}');
    expect(names('kong')).toEqual(['header:apikey', 'query:apikey']);
    expect(names('apigee')).toEqual(['header:x-apikey', 'query:apikey']);
    expect(names('azure-apim')).toContain('header:Ocp-Apim-Subscription-Key');
    expect(names('apisix')).toContain('header:apikey');
    expect(names('google-api-gateway')).toEqual(['query:key', 'header:x-api-key']);
    expect(names('openai-compatible')).toEqual(['header:Authorization']);
  });
});
