import { all, any, body } from '../match';
import type { Producer } from '../types';
import { rule } from '../rule';
import { defineProducer } from './define';

/**
 * Open VSX (open-vsx.org and its self-hosted servers), the extension registry of VS Code forks: its publish refusals
 * as ovsx and the web dialog print them — 'Insufficient access rights for publisher: <ns>' (the namespace belongs to
 * others), 'Authorization by Eclipse required.' (the account's Eclipse login behind the publisher agreement is missing
 * or expired). Sources: EclipseFdn/open-vsx.org#8960, eclipse-openvsx/openvsx#913, eclipse-openvsx/openvsx#1634.
 */
const OVSX_PUBLISHER = /\binsufficient access rights for (publisher|namespace|extension):? [\w.-]{1,80}/i;
const OVSX_ECLIPSE = /\bAuthorization by Eclipse required\b|\bsign a Publisher Agreement before publishing\b/;

const openVsx = defineProducer({
  id: 'open-vsx', kind: 'saas-api', name: 'Open VSX Registry', family: 'open-vsx',
  own: [body(OVSX_PUBLISHER), body(OVSX_ECLIPSE), body(/\bgithub\.com\/eclipse(-openvsx)?\/openvsx\/wiki\/Publishing-Extensions\b/)],
  causes: [
    rule('insufficient-permissions', 0.92, body(OVSX_PUBLISHER), {
      blocks: true, why: 'Open VSX knows the token\'s user, but the user is no member (owner or contributor) of the namespace named by the extension\'s publisher field, often because the namespace was created earlier by someone else or by the auto-publish service',
      fix: 'Ask the namespace\'s owner to add you as a contributor, or claim the namespace with an issue on EclipseFdn/open-vsx.org; check the publisher field in package.json is your namespace.',
    }),
    rule('account-or-plan-restriction', 0.9, any(body(OVSX_ECLIPSE)), {
      blocks: true, why: 'Open VSX publishes only for accounts linked to an Eclipse Foundation account that has signed the Publisher Agreement; that link is missing or its Eclipse authorization has expired, though the Open VSX token itself is valid',
      fix: 'Log in to open-vsx.org, open User settings and "Log in with Eclipse" (and sign the Publisher Agreement if asked), then publish again with the same token.',
    }),
  ],
  checklist: { auth: 'Check the Open VSX account is linked to Eclipse with a signed Publisher Agreement and is a member of the namespace.' },
});

/**
 * Clarifai's v2 API: `{"status":{"code":<5 digits>,"description":"…","details":"…","req_id":"…"}}` with its own code
 * space (1100x connection/auth: 11008 'Invalid API key or Invalid API key/application pair', 11009 'API key not
 * found'), and its Python client's 'clarifai.errors.ApiError: … error_code: …, error_description: …'. Sources:
 * Clarifai/clarifai-python#96, JettChenT/scan-for-webcams#32, mongodb/kingfisher#78.
 */
const CLARIFAI_STATUS = /"status"\s{0,3}:\s{0,3}\{\s{0,20}"code"\s{0,3}:\s{0,3}(1\d{4}|[2-9]\d{4})\s{0,3},\s{0,20}"description"\s{0,3}:\s{0,3}"[^"]{1,200}"\s{0,3},\s{0,20}"details"\s{0,3}:\s{0,3}"[^"]{0,300}"\s{0,3},\s{0,20}"req_id"/;
const CLARIFAI_CLIENT = /\bclarifai\.errors\.ApiError\b|\bapi\.clarifai\.com\/v2\/[\w/]{0,80} FAILED\(/;
const clarifaiCode = (codes: string) => new RegExp(`"code"\\s{0,3}:\\s{0,3}(${codes})\\b|\\berror_code: (${codes})\\b`);

const clarifaiApi = defineProducer({
  id: 'clarifai-api', kind: 'saas-api', name: 'Clarifai API', family: 'clarifai',
  own: [body(CLARIFAI_CLIENT)],
  bodyOnly: [body(CLARIFAI_STATUS)],
  causes: [
    rule('invalid-credentials', 0.92, all(any(body(CLARIFAI_STATUS), body(CLARIFAI_CLIENT)), any(body(clarifaiCode('11008|11009')), body(/\bAPI key not found\b|\bInvalid API key or Invalid API key\/application pair\b/))), {
      blocks: true, why: 'Clarifai does not accept the key: 11009 "API key not found" (none sent, or a deleted key), 11008 "Invalid API key or Invalid API key/application pair" (malformed, quoted, or a key of another app)',
      fix: 'Send "Authorization: Key <key>" with a Personal Access Token or an app key copied without quotes from the Clarifai portal; with an app-specific key, call that app\'s resources (user_id/app_id) only.',
    }),
    rule('insufficient-permissions', 0.85, all(any(body(CLARIFAI_STATUS), body(CLARIFAI_CLIENT)), any(body(clarifaiCode('11007')), body(/\binsufficient scopes?\b/i))), {
      blocks: true, why: 'the Clarifai key authenticates but lacks the scope this call needs (an app key made with limited scopes)',
      fix: 'Add the scope to the key in the Clarifai portal, or use a Personal Access Token.',
    }),
  ],
  checklist: { auth: 'Check the Authorization: Key header and the key\'s scopes and app in the Clarifai portal.' },
});

/** AI platforms, CI services and registries, continued (the first file is full). */
export const AI_CI_REGISTRY_PRODUCERS_2: Producer[] = [openVsx, clarifaiApi];
