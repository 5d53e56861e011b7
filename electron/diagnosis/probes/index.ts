// Every probe family; the planner orders them by their priority for the refusal at hand.
import { browserHeadersProbe } from './browser-headers.probe';
import { gatewayProbe } from './gateway.probe';
import { keyPlacementProbe } from './key-placement.probe';
import { methodProbe } from './method.probe';
import { noCredentialsProbe } from './no-credentials.probe';
import { originRefererProbe } from './origin-referer.probe';
import { otherKeysProbe } from './other-keys.probe';
import { pathVariantsProbe } from './path-variants.probe';
import { rateLimitProbe } from './rate-limit.probe';
import { replayProbe } from './replay.probe';
import type { ProbeFamily } from '../types';

export const PROBE_FAMILIES: readonly ProbeFamily[] = [
  rateLimitProbe, keyPlacementProbe, noCredentialsProbe, otherKeysProbe, browserHeadersProbe, originRefererProbe,
  gatewayProbe, pathVariantsProbe, methodProbe, replayProbe,
];
