// The same credential in another place: the header names gateways read keys from (AWS API Gateway
// x-api-key, Kong apikey, Azure APIM Ocp-Apim-Subscription-Key, Google x-goog-api-key…), a bearer
// token, or a query parameter. The gateway profile's preset convention and the vendor the explainer
// names go first.
import { presetById } from '../../../shared/presets';
import { describePlacement, findCredential, stripCredential, type Placement } from '../credentials';
import { withHeader, withParam } from '../edit';
import type { ProbeFamily, ProbeVariant } from '../types';

/** Where each producer family reads keys, most likely first. */
const BY_PRODUCER: Array<[RegExp, Placement[]]> = [
  [/kong|supabase/, [{ in: 'header', name: 'apikey' }, { in: 'query', name: 'apikey' }]],
  [/aws|amazon/, [{ in: 'header', name: 'x-api-key' }]],
  [/azure|apim/, [{ in: 'header', name: 'Ocp-Apim-Subscription-Key' }, { in: 'query', name: 'subscription-key' }]],
  [/google|apigee|gcp/, [{ in: 'query', name: 'key' }, { in: 'header', name: 'x-goog-api-key' }]],
];
const GENERIC: Placement[] = [
  { in: 'header', name: 'x-api-key' }, { in: 'header', name: 'Authorization', prefix: 'Bearer ' }, { in: 'header', name: 'apikey' },
  { in: 'query', name: 'api_key' }, { in: 'header', name: 'api-key' }, { in: 'query', name: 'apikey' }, { in: 'query', name: 'key' },
];
const MAX_VARIANTS = 8;
const key = (p: Placement): string => `${p.in}:${p.name.toLowerCase()}:${p.in === 'header' ? (p.prefix ?? '').trim().toLowerCase() : ''}`;

export const keyPlacementProbe: ProbeFamily = {
  id: 'key-placement',
  priority: (ctx) => {
    if (!findCredential(ctx.baseline)) return 0;
    return ['missing-credentials', 'invalid-credentials'].includes(ctx.explanation.cause) ? 90 : 45;
  },
  variants: (ctx) => {
    const cred = findCredential(ctx.baseline);
    if (!cred) return [];
    const producer = `${ctx.explanation.producer?.id ?? ''} ${ctx.explanation.producer?.name ?? ''}`.toLowerCase();
    const preset = ctx.baseline.gateway?.profile.preset ? presetById(ctx.baseline.gateway.profile.preset) : undefined;
    const conventional: Placement[] = (preset?.keyPlacements ?? []).filter((k) => k.kind === 'api-key' || k.kind === 'bearer')
      .map((k) => (k.in === 'query' ? { in: 'query', name: k.name } : { in: 'header', name: k.name, ...(k.prefix ? { prefix: k.prefix } : {}) }));
    const first = [...conventional, ...BY_PRODUCER.filter(([re]) => re.test(producer)).flatMap(([, list]) => list)];
    const seen = new Set([key(cred.at)]);
    const out: ProbeVariant[] = [];
    const bare = stripCredential(ctx.baseline, cred);
    for (const at of [...first, ...GENERIC]) {
      if (seen.has(key(at)) || out.length >= MAX_VARIANTS) continue;
      seen.add(key(at));
      const prepared = at.in === 'query' ? withParam(bare, at.name, cred.value) : withHeader(bare, at.name, `${at.prefix ?? ''}${cred.value}`);
      out.push({
        id: `key-placement:${at.in}:${at.name.toLowerCase()}`, family: 'key-placement',
        change: `the key in ${describePlacement(at)} instead of ${describePlacement(cred.at)}`, prepared,
        cause: 'missing-credentials', step: 'gateway',
        meaning: {
          onSuccess: `the layer reads the key from ${describePlacement(at)}: it was sent in the wrong place (${describePlacement(cred.at)}), so it never arrived`,
          onOther: (status) => `with the key in ${describePlacement(at)} the answer is ${status}: the layer looks there`,
        },
      });
    }
    return out;
  },
};
