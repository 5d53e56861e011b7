// Every probe family; the planner orders them by their priority for the refusal at hand. Families
// that send nothing (JWT claims) only read the evidence (findings).
import { browserHeadersProbe } from './browser-headers.probe';
import { clockSkewProbe } from './clock-skew.probe';
import { csrfProbe } from './csrf.probe';
import { gatewayProbe } from './gateway.probe';
import { httpVersionProbe } from './http-version.probe';
import { jwtClaimsProbe } from './jwt-claims.probe';
import { keyPlacementProbe } from './key-placement.probe';
import { methodProbe } from './method.probe';
import { noCredentialsProbe } from './no-credentials.probe';
import { oauth2TokenProbe } from './oauth2-token.probe';
import { originRefererProbe } from './origin-referer.probe';
import { otherKeysProbe } from './other-keys.probe';
import { pathVariantsProbe } from './path-variants.probe';
import { rateLimitProbe } from './rate-limit.probe';
import { replayProbe } from './replay.probe';
import { stagePrefixProbe } from './stage-prefix.probe';
import { systemProxyProbe } from './system-proxy.probe';
import type { ProbeFamily } from '../types';

export const PROBE_FAMILIES: readonly ProbeFamily[] = [
  rateLimitProbe, csrfProbe, clockSkewProbe, keyPlacementProbe, noCredentialsProbe, otherKeysProbe, browserHeadersProbe, originRefererProbe,
  stagePrefixProbe, gatewayProbe, systemProxyProbe, pathVariantsProbe, methodProbe, httpVersionProbe, replayProbe, jwtClaimsProbe, oauth2TokenProbe,
];
