// Precision of the fourth round's network layers and frameworks (issue 11): each is named by its own words,
// never by an error class name or envelope field anyone writes, nor by a page quoted inside a JSON API error.
import { describe, expect, it } from 'vitest';
import { explain } from '../../../../shared/explain/index';
import { itNamesProducers, type ProducerCase } from './producer-cases';


const CASES: ProducerCase[] = [
  ['"not authorized to access" without Magento\'s placeholder is nobody\'s', 403, '{"message":"The consumer isn\'t authorized to access this resource."}', null],
  ['Magento\'s placeholder sentence is Magento', 401, '{"message":"The consumer isn\'t authorized to access %resources.","parameters":{"resources":"Magento_Sales::sales"}}', 'magento'],
  ['a ForbiddenError class name alone is not Strapi', 403, '{"name":"ForbiddenError","message":"Forbidden"}', null],
  ['a ForbiddenError stack of another app is not Strapi', 500, 'ForbiddenError: Forbidden\n    at checkRole (/srv/app/src/auth.js:12:11)', null],
  ['Strapi\'s error object is Strapi', 403, '{"data":null,"error":{"status":403,"name":"ForbiddenError","message":"Forbidden","details":{}}}', 'strapi'],
  ['a Varnish footer quoted in a JSON error is nobody\'s page', 503, '{"error":"upstream returned: Varnish cache server"}', null],
  ['Varnish\'s synthetic page is Varnish, not Fastly', 503, 'Error 503 Backend fetch failed\nGuru Meditation:\nXID: 12\nVarnish cache server', 'varnish'],
  ['Fastly\'s page (Guru Mediation, Details: cache-) is Fastly', 503, 'Error 503 Backend is unhealthy\nGuru Mediation:\nDetails: cache-lax8631-LAX 1595358826 2218364440\nVarnish cache server', 'fastly'],
  ['CodeIgniter 4\'s short sentence alone is anyone\'s', 403, '{"error":"The action you requested is not allowed."}', null],
  ['CodeIgniter 3\'s sentence is CodeIgniter', 403, 'The action you have requested is not allowed.', 'codeigniter'],
  ['a bare "Forbidden - …" line is not gorilla/csrf', 403, 'Forbidden - you shall not pass', null],
  ['gorilla/csrf\'s reason line is gorilla/csrf', 403, 'Forbidden - CSRF token not found\n', 'gorilla-csrf'],
  ['"invalid CSRF token" alone is not Phoenix', 403, 'invalid CSRF token', null],
  ['"Invalid Account" alone is anyone\'s', 403, 'Invalid Account', null],
  ['the generic permission sentence alone is anyone\'s', 403, 'You do not have permission to access this resource.', null],
  ['its CSRF login failure is oauth2-proxy', 403, 'Login Failed: Unable to find a valid CSRF token. Please try again.', 'oauth2-proxy'],
  ['its footer names it with the generic sentence', 403, '<h2>Forbidden</h2><p>You do not have permission to access this resource.</p><footer>Secured with <a href="https://github.com/oauth2-proxy/oauth2-proxy#oauth2_proxy">OAuth2 Proxy</a> version v7.6.0</footer>', 'oauth2-proxy'],
  ['"Authentication error" alone is anyone\'s', 403, '{"error":"Authentication error"}', null],
  ['the same envelope with another code is not Cloudflare', 400, '{"success":false,"errors":[{"code":400,"message":"Bad request"}]}', null],
  ['its envelope with a credential code is', 403, '{"success":false,"errors":[{"code":9109,"message":"Unauthorized to access requested resource"}],"messages":[],"result":null}', 'cloudflare-api'],
  ['its header sentence is, even cut', 400, 'Invalid format for Authorization header', 'cloudflare-api'],
  ['an app\'s JSON quoting a jwt_authn sentence is not Envoy', 401, '{"message":"Jwt verification fails"}', null],
  ['jwt_authn\'s whole-body sentence is Envoy', 401, "Jwks doesn't have key to match kid or alg from Jwt", 'envoy'],
  ['a firewall sentence in a JSON API error is not csf', 403, '{"error":"The firewall on this server is blocking your connection."}', null],
  ['a teapot 418 is nobody\'s refusal', 418, 'I\'m a teapot', null],
  ['a WAF name inside a JSON API error is not WTS-WAF\'s page', 403, '{"error":"blocked by WTS-WAF"}', null],
];

describe('explain: round 4 network layers and frameworks need their own words', () => {
  itNamesProducers(CASES);

  it('a Varnish 503 is not a refusal', () => {
    expect(explain({ status: 503, headers: {}, body: 'Error 503 Service Unavailable\nGuru Meditation:\nXID: 1\nVarnish cache server' }).blocked).toBe(false);
  });

  it('the API\'s JSON behind Cloudflare\'s edge headers names the API, not the CDN', () => {
    const body = '{"success":false,"errors":[{"code":10000,"message":"Authentication error"}],"messages":[],"result":null}';
    const got = explain({ status: 403, headers: { server: 'cloudflare', 'cf-ray': '8a1b2c3d4e5f6a7b-FRA', 'content-type': 'application/json' }, body });
    expect(got.producer?.id).toBe('cloudflare-api');
    expect(got.cause).toBe('insufficient-permissions');
  });
});
