// The vendor-marks fallback (shared/explain/vendor-marks.ts, vendor-mark-scan.ts): only when no rule
// named a producer, a registered vendor's structural mark names it, less surely than a rule. The
// negative cases are real texts from public issues: a vendor's URL in a client's transport failure
// (the vendor never answered), its name in prose, links that are no error reference.
import { describe, expect, it } from 'vitest';
import { buildContext } from '../../../../shared/explain/context';
import { explain, PRODUCERS } from '../../../../shared/explain/index';
import { vendorMark } from '../../../../shared/explain/vendor-mark-scan';
import { VENDOR_MARKS } from '../../../../shared/explain/vendor-marks';
import { itNamesProducers, type ProducerCase } from './producer-cases';

const mark = (status: number, body: string, headers: Record<string, string> = {}): string | null =>
  vendorMark(buildContext({ status, headers, body }))?.producer.id ?? null;

// [why (source), status, body, producer explain() must name]
const NEGATIVES: ProducerCase[] = [
  ['an app\'s own JSON about a failed proxy on the way to OpenAI (xtekky/chatgpt-clone#77)', 500,
    '{"_action":"_ask","error":"an error occurred HTTPSConnectionPool(host=\'api.openai.com\', port=443): Max retries exceeded with url: /v1/chat/completions (Caused by ProxyError(\'Cannot connect to proxy.\', NewConnectionError(\'<urllib3.connection.HTTPSConnection object at 0x7fd22fbefeb0>: Failed to establish a new connection: [Errno 111] Connection refused\')))","success":false}', null],
  ['LangChain relaying a proxy tunnel failure on the way to OpenAI (limaoyi1/Auto-PPT#1)', 502,
    'Retrying langchain.llms.openai.completion_with_retry.<locals>._completion_with_retry in 4.0 seconds as it raised APIConnectionError: Error communicating with OpenAI: HTTPSConnectionPool(host=\'api.openai.com\', port=443): Max retries exceeded with url: /v1/chat/completions (Caused by ProxyError(\'Cannot connect to proxy.\', OSError(\'Tunnel connection failed: 400 Bad Request\'))).', null],
  ['Octokit\'s TLS failure names api.github.com, which never answered (REMnux/remnux-cli#181)', 500,
    'request to https://api.github.com/repos/REMnux/salt-states/releases failed, reason: unable to get local issuer certificate\nHttpError: request to https://api.github.com/repos/REMnux/salt-states/releases failed, reason: unable to get local issuer certificate\n    at /snapshot/remnux-cli/node_modules/@octokit/request/dist-node/index.js:107:11', null],
  ['npm\'s own report link to its GitHub issues is no error reference (npm/npm#8125)', 500,
    'npm ERR! code SELF_SIGNED_CERT_IN_CHAIN\n\nnpm ERR! self signed certificate in certificate chain\nnpm ERR!\nnpm ERR! If you need help, you may report this error at:\nnpm ERR!     <https://github.com/npm/npm/issues>', null],
  ['transformers could not reach the Hub; its offline-mode docs link names no writer (facebookresearch/bitsandbytes#34)', 500,
    'OSError: We couldn\'t connect to \'https://huggingface.co\' to load this file, couldn\'t find it in the cached files and it looks like decapoda-research/llama-7b-hf is not the path to a directory containing a file named config.json.\nCheckout your internet connection or see how to run the library in offline mode at \'https://huggingface.co/docs/transformers/installation#offline-mode\'.', null],
  ['the same, another wording of transformers (aistudynow/Comfyui-HunyuanFoley#6)', 500,
    'OSError: We couldn\'t connect to \'https://huggingface.co\' to load the files, and couldn\'t find them in the cached files.\nCheckout your internet connection or see how to run the library in offline mode at \'https://huggingface.co/docs/transformers/installation#offline-mode\'.', null],
  ['huggingface_hub\'s connection error with no answer from the Hub (baichuan-inc/Baichuan-7B#83)', 500,
    'OSError: We couldn\'t connect to \'https://huggingface.co\' to load this file\nhuggingface_hub.utils._errors.LocalEntryNotFoundError: Connection error, and we cannot find the requested files in the disk cache. Please try again or make sure your Internet connection is on.', null],
  ['Go\'s DNS timeout for a GET to api.github.com (dotnetcore/FastGithub#80)', 500,
    'Failed to get runtime version: \'Get "https://api.github.com/repos/dapr/dapr/releases": dial tcp: lookup api.github.com on 172.20.80.1:53: read udp 172.20.92.180:48594->172.20.80.1:53: i/o timeout\'. Trying secondary source', null],
  ['a CLI\'s connectivity check listing two APIs it could not resolve (exercism/exercism#6598)', 500,
    'Error:\nGitHub:\n    * https://api.github.com\n    * [Get https://api.github.com: dial tcp: lookup api.github.com on [::1]:53: read udp [::1]:42732->[::1]:53: read: connection refused]\n    * 530.59µs', null],
  ['gh\'s GraphQL POST that timed out in TCP (cli/cli#8328)', 500,
    'Post "https://api.github.com/graphql": dial tcp 50.7.85.222:443: i/o timeout', null],
  ['a Go CLI\'s GET whose DNS server misbehaved (exercism/cli#733)', 500,
    'Error: Get https://api.github.com/repos/exercism/cli/releases/latest: dial tcp: lookup api.github.com on 127.0.2.1:53: server misbehaving', null],
  ['an OAuth token POST that never left the machine (stldevs/stldevs#87)', 500,
    'Post "https://github.com/login/oauth/access_token": dial tcp: lookup github.com on 127.0.0.53:53: server misbehaving', null],
  ['git\'s DNS failure for a GitHub remote (desktop/desktop#4872)', 500,
    'fatal: unable to access \'https://github.com/shiv1490/Burger-Builder.git/\': Could not resolve host: github.com', null],
  ['gh\'s connectivity message and its status-page link (cli/cli#5912)', 500,
    'error connecting to github.com\ncheck your internet connection or https://githubstatus.com', null],
  ['the Cloud SDK installer\'s TLS failure to dl.google.com (GoogleCloudPlatform/cloud-sdk-docker#321)', 500,
    'requests.exceptions.SSLError: HTTPSConnectionPool(host=\'dl.google.com\', port=443): Max retries exceeded with url: /dl/cloudsdk/channels/rapid/components-2.json (Caused by SSLError(SSLCertVerificationError(1, \'[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:992)\')))', null],
  ['a Django debug page\'s APIConnectionError: OpenAI was never reached (flatplanet/Django_ChatGPT#4)', 500,
    'APIConnectionError\nError communicating with OpenAI: HTTPSConnectionPool(host=\'api.openai.com\', port=443): Max retries exceeded with url: /v1/models (Caused by NewConnectionError(\'<urllib3.connection.HTTPSConnection object at 0x7fe9de99f6d0>: Failed to establish a new connection: [Errno 113] No route to host\'))', null],
  ['an API owner naming its CDN in prose (HypixelDev/PublicAPI#393)', 403,
    'We use Cloudflare to enforce specific rules when users abuse our services, usually, these blocks are due to excessive requests to other endpoints on our domain.', null],
  ['setup docs linking the vendor\'s app console are no error reference (home-assistant/home-assistant.io#25195)', 403,
    '1. Create a [new app](https://api.slack.com/apps) under your Slack.com account.\n2. Click the `OAuth & Permissions` link in the sidebar, under the Features heading.', null],
];

// Real texts where no mark may name anyone, although a producer's own rule (not the fallback) names
// one today: npm's registry rule reads the failed request's URL, Zscaler's its help host.
const RULE_NAMED: ProducerCase[] = [
  ['npm\'s JSON error for an intercepted TLS connection to the registry (zed-industries/zed#4350)', 500,
    '{\n  "error": {\n    "code": "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",\n    "summary": "request to https://registry.npmjs.org/yaml-language-server failed, reason: unable to get local issuer certificate",\n    "detail": ""\n  }\n}', null],
  ['a vendor\'s help article linked from a user\'s setup notes (npm/cli#7592)', 403,
    '`EXTRA_NODE_CA_CERTS` has been defined with a file that has the ZScaler certificate chain as per: [https://help.zscaler.com/zia/adding-custom-certificate-application-specific-trust-store](https://help.zscaler.com/zia/adding-custom-certificate-application-specific-trust-store)', null],
];

describe('vendor marks: the data', () => {
  it('names only registered producers', () => {
    const ids = new Set(PRODUCERS.map((p) => p.id));
    expect(Object.keys(VENDOR_MARKS).filter((id) => !ids.has(id))).toEqual([]);
  });
});

describe('vendor marks: a vendor that never answered, its name in prose, a link that is no error reference', () => {
  itNamesProducers(NEGATIVES);

  it('none of these carries a mark (the fallback, not a rule, would have been the one to misname)', () => {
    const all = [...NEGATIVES, ...RULE_NAMED];
    expect(all.filter(([, status, body]) => mark(status, body) !== null).map(([why]) => why)).toEqual([]);
  });
});

describe('vendor marks: what a mark names and how surely', () => {
  it('names the API a client called and got an answer from (popcodeorg/popcode#534)', () => {
    const body = '403 error making request GET https://api.github.com/gists/339c841617fb50c98420d9f37654039d: "Forbidden"';
    const got = explain({ status: 403, headers: {}, body });
    expect(got.producer?.id).toBe('github-api');
    expect(got.why).toMatch(/named only by a mark of its own/);
    expect(got.producer?.namedBy).toBe('vendor-mark');
    expect(got.evidence.some((e) => e.where === 'body' && e.text.startsWith('https://api.github.com/gists/'))).toBe(true);
  });

  it.each([
    ['node-telegram-bot-api (iobroker-community-adapters/ioBroker.telegram#204)',
      'Cannot send message [chatId - 505191441]: Error: ETELEGRAM: 403 Forbidden: bot was blocked by the user'],
    ['Telegram.Bot for .NET (mehtadone/CryptoGramBot#85)',
      'Unhandled Exception: Telegram.Bot.Exceptions.ApiRequestException: Forbidden: bot was blocked by the user\n   at Telegram.Bot.TelegramBotClient.<SendWebRequestAsync>d__124`1.MoveNext()'],
  ])('names the vendor whose own SDK printed the error it got back: %s', (_source, body) => {
    expect(explain({ status: 403, headers: {}, body }).producer?.id).toBe('telegram-bot-api');
  });

  it('a block page\'s "URL:" line is the destination another layer refused, not the writer', () => {
    expect(mark(403, 'Access Blocked\nYour organization blocks access to this website.\nURL: https://api.github.com/repos/a/b')).toBeNull();
  });

  it('marks of two vendors name nobody; two services of one vendor name the more specific', () => {
    expect(mark(403, 'See https://docs.github.com/rest and https://docs.gitlab.com/ee/api/')).toBeNull();
    expect(mark(403, 'See https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html and https://docs.aws.amazon.com/general/latest/gr/')).toBe('aws-s3');
  });

  it('a header prefix only the vendor\'s own service sends names it; a long article\'s links do not', () => {
    expect(mark(403, '{"message":"Forbidden"}', { 'x-github-request-id': 'C2A1:1F0E:2B3C4D:5E6F70:6570A1B2' })).toBe('github-api');
    const article = `<html><body>${'<p>How to call the API. See https://docs.github.com/rest for details.</p>'.repeat(60)}</body></html>`;
    expect(mark(403, article)).toBeNull();
  });

  it('ranks causes from neutral signals with less confidence than the vendor\'s rule (Azure Application Gateway\'s stock 403)', () => {
    // the page of learn.microsoft.com's WAF troubleshooting article, as the corpus keeps it
    const body = '<html>\n<head><title>403 Forbidden</title></head>\n<body>\n<center><h1>403 Forbidden</h1></center>\n'
      + '<hr><center>Microsoft-Azure-Application-Gateway/v2</center>\n</body>\n</html>';
    const byRule = explain({ status: 403, headers: { server: 'Microsoft-Azure-Application-Gateway/v2' }, body });
    const byMark = explain({ status: 403, headers: {}, body });
    expect(byRule.producer?.id).toBe('azure-application-gateway');
    expect(byMark.producer?.id).toBe('azure-application-gateway');
    expect(byMark.confidence).toBeLessThan(byRule.confidence);
    expect(byMark.candidates.slice(0, 3).map((c) => c.cause)).toContain('waf-or-bot-block');
  });

  it('never marks an ordinary response as refused', () => {
    const got = explain({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"documentation_url":"https://docs.github.com/rest","ok":true}' });
    expect(got.blocked).toBe(false);
  });
});
