// Precision of round five for gateways, AWS APIs, web servers, Kubernetes and frameworks (issue 11):
// each layer is named by its own words; the generic sentences it shares with others name nobody,
// and a sentence one layer copied from another names the one that wrote it.
import { describe } from 'vitest';
import { itNamesProducers, type ProducerCase } from './producer-cases';

const CASES: ProducerCase[] = [
  ['Apache\'s multi-language 403 ("the requested object") is not Werkzeug\'s', 403, 'Access forbidden!\nYou don\'t have permission to access the requested object. It is either read-protected or not readable by the server.\n\nError 403', 'apache-httpd'],
  ['Werkzeug\'s own 403 sentence still names Flask', 403, '<p>You don&#39;t have the permission to access the requested resource. It is either read-protected or not readable by the server.</p>', 'flask'],
  ['ASP.NET Core\'s "antiforgery" cookie is not classic ASP.NET\'s', 400, 'The required antiforgery cookie ".AspNetCore.Antiforgery.el0QpAqipuo" is not present.', 'aspnet-core'],
  ['a bare "Authorization denied" is nobody\'s', 401, '{"message":"Authorization denied"}', null],
];

describe('explain: round five\'s gateways, AWS, servers, Kubernetes and frameworks need their own words', () => {
  itNamesProducers(CASES);
});
