import type { GatewayProfileInput, KeyKind } from '../model/profiles';

/** Where a gateway expects a key, by its docs. */
export interface KeyPlacement {
  in: 'header' | 'query';
  name: string;
  /** text before the key in a header value (`Bearer `) */
  prefix?: string;
  /** the key kind that produces it */
  kind: KeyKind;
  note?: string;
}

export interface GatewayPreset {
  id: string;
  name: string;
  category: 'direct' | 'api-gateway' | 'ai-gateway' | 'reverse-proxy' | 'forward-proxy';
  /** the vendor documentation these conventions come from */
  source: string;
  /** what this gateway is and how it routes */
  summary: string;
  /** accepted key placements, the most common first (empty when the layer checks no key) */
  keyPlacements: KeyPlacement[];
  /** how its URLs look, e.g. `https://{api-id}.execute-api.{region}.amazonaws.com/{stage}` */
  urlPattern?: string;
  /** route or stage prefix convention, e.g. `/{stage}` */
  prefixPattern?: string;
  /** a starting gateway profile (without name) for the editor */
  template: Omit<GatewayProfileInput, 'name'>;
  /** what its refusals usually mean, for the troubleshooter */
  refusalHints: string[];
}
