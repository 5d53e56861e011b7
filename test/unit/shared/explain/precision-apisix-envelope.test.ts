// APISIX was named by any JSON with an "error_msg" field: the {"error_code":…,"error_msg":…} envelope
// of many other APIs (Baidu, Huawei Cloud, in-house services) then named APISIX. Only its own
// sentences name it now; its own "404 Route Not Found" still does (and is no refusal).
import { describe } from 'vitest';
import { itNamesProducers, type ProducerCase } from './producer-cases';

const CASES: ProducerCase[] = [
  ['an in-house service\'s error_msg envelope is nobody\'s', 403, '{"error_code":4031,"error_msg":"permission denied for this tenant"}', null],
  ['an error_msg field alone is nobody\'s', 401, '{"error_msg":"token expired"}', null],
  ['APISIX\'s own route miss still names it', 404, '{"error_msg":"404 Route Not Found"}', 'apache-apisix'],
  ['APISIX\'s key-auth sentence still names it', 401, '{"message":"Missing API key in request"}', 'apache-apisix'],
];

describe('explain: an error_msg field is not APISIX\'s signature', () => {
  itNamesProducers(CASES);
});
