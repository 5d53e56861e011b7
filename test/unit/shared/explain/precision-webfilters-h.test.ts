// Precision of the fifth round for web filters and proxies (issue 11): a localized Squid page is named by its
// template's sentence, not by a bare "access denied" in that language; Untangle by its page, not by its sentence
// quoted inside someone else's JSON or a generic "network policy" line; DataDome by its whole interstitial sentence only; Websense by its block CGI on port 15871; ISA / TMG by its "denied the specified URL" sentence.
import { describe } from 'vitest';
import { itNamesProducers, type ProducerCase } from './producer-cases';

const CASES: ProducerCase[] = [
  ['a bare German "Zugriff verweigert." is nobody\'s', 403, '<html><body><h1>Zugriff verweigert.</h1></body></html>', null],
  ['a bare Spanish "Acceso Denegado" is nobody\'s', 403, '<html><body><p>Acceso Denegado</p></body></html>', null],
  ['a bare Russian "Доступ запрещён." is nobody\'s', 403, 'Доступ запрещён.', null],
  ['Squid\'s German sentence names Squid', 403, 'Die Anfrage wurde aufgrund mangelnder Zugriffsrechte verweigert. Bitte kontaktieren Sie Ihren Dienstanbieter.', 'squid'],
  ['an API\'s JSON quoting Untangle\'s sentence is the API\'s', 403, '{"error":"upstream said: This site is blocked because it violates network policy."}', null],
  ['a generic "blocked by network policy" line is nobody\'s', 403, '<html><body><p>This request was blocked by network policy.</p></body></html>', null],
  ['a site\'s own ad-block nag that goes on is not DataDome\'s', 200, '<html><body><p>Please enable JS and disable any ad blocker to keep reading our free articles.</p></body></html>', null],
  ['DataDome\'s sentence inside an API\'s JSON is the API\'s', 403, '{"error":"Please enable JS and disable any ad blocker"}', null],
  ['FortiGuard\'s block sentence inside an API\'s JSON is the API\'s', 403, '{"message":"You have tried to access a web page which is in violation of your internet usage policy."}', null],
  ['another filter\'s "internet usage policy" sentence is not FortiGuard\'s', 403, '<p>This web page violates the internet usage policy of your organization.</p>', null],
  ['a blockpage.cgi on another port is not Websense\'s', 403, '<iframe src="http://192.0.2.1:8080/cgi-bin/blockpage.cgi?id=3"></iframe>', null],
  ['Websense\'s block CGI inside an API\'s JSON is the API\'s', 403, '{"redirect":"http://192.0.2.10:15871/cgi-bin/blockpage.cgi?ws-session=1"}', null],
  ['TMG\'s deny sentence inside an API\'s JSON is the API\'s', 502, '{"error":"upstream: The ISA Server denies the specified Uniform Resource Locator (URL)."}', null],
  ['a generic "the server denied the request" page is nobody\'s', 403, '<html><body><p>The server denied the request. Contact the server administrator.</p></body></html>', null],
];

describe('explain: the fifth round\'s web filters need their own words', () => {
  itNamesProducers(CASES);
});
