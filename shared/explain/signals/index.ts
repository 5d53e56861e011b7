import type { CauseRule, StatusDefault } from '../types';
import { CLIENT_CERT_RULES } from './client-cert';
import { ERROR_CODE_RULES } from './error-codes';
import { ERRCODE_ENVELOPE_RULES } from './errcode-envelope';
import { GRAPHQL_RULES } from './graphql';
import { JSON_ENVELOPE_RULES } from './json-envelope';
import { OAUTH_TOKEN_RULES } from './oauth-token';
import { PROBLEM_JSON_RULES } from './problem-json';
import { PROXY_STATUS_RULES } from './proxy-status';
import { RATE_LIMIT_RULES } from './rate-limit';
import { REFUSAL_HEADER_RULES } from './refusal-headers';
import { APP_WORD_RULES, APP_WORD_RULES_2, APP_WORD_RULES_3 } from './words-apps';
import { AUTHN_WORD_RULES } from './words-authn';
import { R11_WORD_RULES, R11_WORD_RULES_2, R11_WORD_RULES_3 } from './words-r11';
import { AUTHZ_WORD_RULES } from './words-authz';
import { EDGE_WORD_RULES } from './words-edge';
import { INTL_WORD_RULES } from './words-intl';
import { QUOTA_WORD_RULES } from './words-quota';
import { ZH_WORD_RULES } from './words-zh';
import { WWW_AUTHENTICATE_RULES } from './www-authenticate';

const tag = (signal: string, rules: CauseRule[]): CauseRule[] => rules.map((r) => ({ ...r, signal }));

/** Standards first (headers), then envelopes, then words. */
export const GENERIC_RULES: CauseRule[] = [
  ...tag('www-authenticate', WWW_AUTHENTICATE_RULES),
  ...tag('proxy-status', PROXY_STATUS_RULES),
  ...tag('rate-limit', RATE_LIMIT_RULES),
  ...tag('refusal-header', REFUSAL_HEADER_RULES),
  ...tag('problem-json', PROBLEM_JSON_RULES),
  ...tag('graphql', GRAPHQL_RULES),
  ...tag('oauth-token', OAUTH_TOKEN_RULES),
  ...tag('client-cert', CLIENT_CERT_RULES),
  ...tag('json-envelope', JSON_ENVELOPE_RULES),
  ...tag('errcode-envelope', ERRCODE_ENVELOPE_RULES),
  ...tag('error-code', ERROR_CODE_RULES),
  // words, by what they are about (one file each); order settles ties of equal confidence
  ...tag('words', AUTHN_WORD_RULES),
  ...tag('words', QUOTA_WORD_RULES),
  ...tag('words', AUTHZ_WORD_RULES),
  ...tag('words', EDGE_WORD_RULES),
  ...tag('words', APP_WORD_RULES),
  ...tag('words', APP_WORD_RULES_2),
  ...tag('words', APP_WORD_RULES_3),
  ...tag('words', R11_WORD_RULES),
  ...tag('words', R11_WORD_RULES_2),
  ...tag('words', R11_WORD_RULES_3),
  ...tag('words-zh', ZH_WORD_RULES),
  ...tag('words-intl', INTL_WORD_RULES),
];

const FORBIDDEN_GUESS = 'a bare 403 names no reason; it is not necessarily a permission problem';

/** What a status alone suggests when nothing more specific matched (key 0: any other refusal). */
export const STATUS_DEFAULTS: Record<number, StatusDefault[]> = {
  // A 401 whose body names no reason: a credential that arrived and was refused is the commoner case
  // among real 401s (1,819 corpus refusals, answered by status alone with the writer unregistered: 49
  // invalid, 31 missing); a bare WWW-Authenticate challenge still says "none arrived" (www-authenticate.ts).
  401: [
    { cause: 'invalid-credentials', confidence: 0.4, why: 'a 401 means the layer did not accept the credential: it was refused (wrong, expired, revoked) or none arrived' },
    { cause: 'missing-credentials', confidence: 0.36 },
  ],
  402: [{ cause: 'account-or-plan-restriction', confidence: 0.5, why: 'a 402 (Payment Required) asks for payment: the account, plan or balance, not the request, must change' }],
  403: [
    { cause: 'other', confidence: 0.25, why: FORBIDDEN_GUESS },
    { cause: 'insufficient-permissions', confidence: 0.22 },
    { cause: 'ip-or-geo-blocked', confidence: 0.15 },
    { cause: 'waf-or-bot-block', confidence: 0.12 },
    { cause: 'rate-limited', confidence: 0.08 },
  ],
  407: [
    { cause: 'proxy-denied', confidence: 0.75, why: 'a 407 comes from a forward proxy that wants its own credentials' },
    { cause: 'missing-credentials', confidence: 0.4 },
  ],
  429: [{ cause: 'rate-limited', confidence: 0.85, why: 'status 429 Too Many Requests' }],
  451: [
    { cause: 'ip-or-geo-blocked', confidence: 0.5, why: 'a 451 (Unavailable For Legal Reasons) is usually a legal block by country or region' },
    { cause: 'other', confidence: 0.35 },
  ],
  0: [{ cause: 'other', confidence: 0.25, why: 'the response was marked as a refusal but names no known reason' }],
};
