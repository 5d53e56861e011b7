// Inside the isolate: pm.response and pm.request as Postman shapes them (header lists, json(),
// text(), the url object) and chai-postman's response assertions (status, header, jsonBody...).
/* eslint-disable @typescript-eslint/no-unused-vars -- the isolate's files run as one function body: one file defines what another uses */
/* global deepEqual, AssertionError, expect, unsupported, strict, chain, method */
/* exported HeaderList, makeResponse, makeRequest, responseAssertions */

var REASONS = {
  100: 'Continue', 101: 'Switching Protocols', 200: 'OK', 201: 'Created', 202: 'Accepted', 203: 'Non-Authoritative Information',
  204: 'No Content', 205: 'Reset Content', 206: 'Partial Content', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other',
  304: 'Not Modified', 307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request', 401: 'Unauthorized',
  402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable',
  407: 'Proxy Authentication Required', 408: 'Request Timeout', 409: 'Conflict', 410: 'Gone', 411: 'Length Required',
  412: 'Precondition Failed', 413: 'Payload Too Large', 414: 'URI Too Long', 415: 'Unsupported Media Type', 418: "I'm a teapot",
  422: 'Unprocessable Entity', 425: 'Too Early', 426: 'Upgrade Required', 428: 'Precondition Required', 429: 'Too Many Requests',
  431: 'Request Header Fields Too Large', 451: 'Unavailable For Legal Reasons', 500: 'Internal Server Error', 501: 'Not Implemented',
  502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout', 505: 'HTTP Version Not Supported',
};

class HeaderList {
  /** `onEdit`: the list may change (a pre-request script's pm.request.headers); it is told after each change. */
  constructor(pairs, owner, onEdit) {
    this._list = pairs.map(function (p) { return { key: p[0], value: p[1] }; });
    this._owner = owner;
    this._onEdit = onEdit;
  }
  _find(name) {
    var lower = String(name).toLowerCase();
    return this._list.filter(function (h) { return h.key.toLowerCase() === lower; });
  }
  get(name) { var hit = this._find(name); return hit.length ? hit[0].value : undefined; }
  one(name) { var hit = this._find(name); return hit.length ? { key: hit[0].key, value: hit[0].value } : undefined; }
  has(name, value) {
    var hit = this._find(name);
    return arguments.length > 1 ? hit.some(function (h) { return h.value === value; }) : hit.length > 0;
  }
  toObject() {
    var out = {};
    this._list.forEach(function (h) { out[h.key] = h.value; });
    return out;
  }
  all() { return this._list.map(function (h) { return { key: h.key, value: h.value }; }); }
  toJSON() { return this.all(); }
  count() { return this._list.length; }
  idx(i) { return this.all()[i]; }
  each(fn) { this.all().forEach(fn); }
  map(fn) { return this.all().map(fn); }
  filter(fn) { return this.all().filter(fn); }
  find(fn) { return this.all().find(fn); }
  toString() { return this._list.map(function (h) { return h.key + ': ' + h.value + '\n'; }).join(''); }
  // Only a pre-request script may change the request's headers (a test script's request was sent):
  // elsewhere a change is named as unsupported, never silently ignored.
  _edit(op) {
    if (!this._onEdit) throw unsupported(this._owner + '.headers.' + op);
  }
  _changed() { this._onEdit(this._list.map(function (h) { return [h.key, h.value]; })); }
  add(h) {
    this._edit('add');
    this._list.push(headerOf(h));
    this._changed();
  }
  upsert(h) {
    this._edit('upsert');
    var next = headerOf(h);
    var hit = this._find(next.key);
    if (hit.length) hit[0].value = next.value;
    else this._list.push(next);
    this._changed();
  }
  remove(which) {
    this._edit('remove');
    var test = typeof which === 'function' ? which : function (h) { return h.key.toLowerCase() === String(which).toLowerCase(); };
    this._list = this._list.filter(function (h) { return !test(h); });
    this._changed();
  }
  clear() {
    this._edit('clear');
    this._list = [];
    this._changed();
  }
}

/** `{key, value}` or `"Key: value"`, as Postman's Header takes them. */
function headerOf(h) {
  if (typeof h === 'string') {
    var i = h.indexOf(':');
    return i < 0 ? { key: h.trim(), value: '' } : { key: h.slice(0, i).trim(), value: h.slice(i + 1).trim() };
  }
  return { key: String(h && h.key), value: h && h.value !== undefined && h.value !== null ? String(h.value) : '' };
}

class PostmanResponse {}
class PostmanRequest {}

/** `root`: the name scripts know it by (pm, insomnia), for the names of unsupported features. */
function makeResponse(r, root) {
  var name = (root || 'pm') + '.response';
  var res = new PostmanResponse();
  var body = r.body;
  res.code = r.status;
  res.status = r.statusText || REASONS[r.status] || '';
  res.headers = strict(new HeaderList(r.headers, name), name + '.headers');
  res.responseTime = Math.round(r.timeMs);
  res.responseSize = r.bodyBytes;
  res.text = function () { return body; };
  res.json = function () { return JSON.parse(body.charCodeAt(0) === 0xfeff ? body.slice(1) : body); };
  res.reason = function () { return res.status; };
  res.details = function () { return { code: res.code, name: res.status, detail: '' }; };
  res.size = function () { return { body: r.bodyBytes, header: 0, total: r.bodyBytes }; };
  res.toJSON = function () { return { code: res.code, status: res.status, headers: res.headers.all(), responseTime: res.responseTime }; };
  res.__clearanceInspect = function () { return 'Response(' + res.code + ' ' + res.status + ')'; };
  Object.defineProperty(res, 'to', { get: function () { return expect(res).to; } });
  Object.defineProperty(res, 'not', { get: function () { return expect(res).not; } });
  return strict(res, name);
}

function makeUrl(raw, name) {
  var m = /^(?:([a-z][\w+.-]*):\/\/)?([^/?#:]*)(?::(\d+))?([^?#]*)(?:\?([^#]*))?/i.exec(raw) || [];
  var query = (m[5] || '').split('&').filter(Boolean).map(function (p) {
    var i = p.indexOf('=');
    return i < 0 ? [p, ''] : [p.slice(0, i), p.slice(i + 1)];
  });
  var url = {
    protocol: m[1], host: (m[2] || '').split('.').filter(Boolean), port: m[3], path: (m[4] || '').split('/').filter(Boolean),
    query: strict(new HeaderList(query, name + '.query'), name + '.query'),
    toString: function () { return raw; },
    getHost: function () { return m[2] || ''; },
    getPath: function () { return m[4] || '/'; },
    getQueryString: function () { return m[5] || ''; },
    getPathWithQuery: function () { return (m[4] || '/') + (m[5] ? '?' + m[5] : ''); },
    getRaw: function () { return raw; },
    toJSON: function () { return raw; },
  };
  return strict(url, name);
}

function makeRequest(q, onHeaders, root) {
  var name = (root || 'pm') + '.request';
  var req = new PostmanRequest();
  req.url = makeUrl(q.url, name + '.url');
  req.method = q.method;
  req.headers = strict(new HeaderList(q.headers, name, onHeaders), name + '.headers');
  req.body = q.body === undefined ? undefined : { mode: 'raw', raw: q.body, toString: function () { return q.body; } };
  req.toJSON = function () { return { url: q.url, method: q.method, header: req.headers.all() }; };
  Object.defineProperty(req, 'to', { get: function () { return expect(req).to; } });
  return strict(req, name);
}

var responseAssertions = {
  isResponse: function (v) { return v instanceof PostmanResponse; },
  /** `.ok`, `.forbidden`...: the status code and its reason phrase. */
  named: function (a, code, name) {
    var res = mustBeResponse(a);
    a.assert(String(res.reason()).toUpperCase() === name.toUpperCase(), 'expected response to have status reason #{exp} but got #{act}',
      'expected response to not have status reason #{act}', name.toUpperCase(), String(res.reason()).toUpperCase());
    a.assert(res.code === code, 'expected response to have status code #{exp} but got #{act}', 'expected response to not have status code #{act}', code, res.code);
    return a;
  },
};

function mustBeResponse(a) {
  if (!(a._obj instanceof PostmanResponse)) throw new AssertionError('expecting a postman response object but got ' + String(a._obj));
  return a._obj;
}

var NAMED = { accepted: [202, 'Accepted'], withoutContent: [204, 'No Content'], badRequest: [400, 'Bad Request'], unauthorised: [401, 'Unauthorised'],
  unauthorized: [401, 'Unauthorized'], forbidden: [403, 'Forbidden'], notFound: [404, 'Not Found'], notAcceptable: [406, 'Acceptable'],
  rateLimited: [429, 'Too Many Requests'] };
Object.keys(NAMED).forEach(function (k) { chain(k, function () { return responseAssertions.named(this, NAMED[k][0], NAMED[k][1]); }); });

var CLASSES = { info: 1, success: 2, redirection: 3, clientError: 4, serverError: 5 };
Object.keys(CLASSES).forEach(function (k) {
  chain(k, function () {
    var res = mustBeResponse(this);
    this.assert(Math.floor(res.code / 100) === CLASSES[k], 'expected response code to be #{exp}XX but found #{act}', 'expected response code to not be #{exp}XX', CLASSES[k], res.code);
    return this;
  });
});
chain('error', function () {
  var c = Math.floor(mustBeResponse(this).code / 100);
  this.assert(c === 4 || c === 5, 'expected response code to be 4XX or 5XX but found #{act}', 'expected response code to not be 4XX or 5XX', null, this._obj.code);
  return this;
});

function statusCode(code) {
  var res = mustBeResponse(this);
  this.assert(res.code === Number(code), 'expected response to have status code #{exp} but got #{act}', 'expected response to not have status code #{act}', Number(code), res.code);
}
method(['statusCode'], statusCode);
method(['status'], function (s) {
  if (typeof s === 'number') return statusCode.call(this, s);
  var res = mustBeResponse(this);
  this.assert(res.reason() === s, 'expected response to have status reason #{exp} but got #{act}', 'expected response to not have status reason #{act}', s, res.reason());
});
method(['statusReason'], function (s) {
  var res = mustBeResponse(this);
  this.assert(res.reason() === String(s), 'expected response to have status reason #{exp} but got #{act}', 'expected response to not have status reason #{act}', String(s), res.reason());
});
method(['header'], function (name, value) {
  var o = this._obj;
  if (!(o instanceof PostmanResponse || o instanceof PostmanRequest)) throw new AssertionError('expecting a postman request or response object but got ' + String(o));
  var who = o instanceof PostmanRequest ? 'request' : 'response';
  this.assert(o.headers.has(name), 'expected ' + who + " to have header with key '" + name + "'", 'expected ' + who + " to not have header with key '" + name + "'", true, o.headers.has(name));
  if (arguments.length > 1) {
    var actual = o.headers.get(name);
    this.assert(actual === value, "expected '" + name + "' " + who + ' header to be #{exp} but got #{act}', "expected '" + name + "' " + who + ' header to not be #{act}', value, actual);
  }
});
chain('withBody', function () {
  var t = mustBeResponse(this).text();
  this.assert(typeof t === 'string' && t.length > 0, 'expected response to have content in body', 'expected response to not have content in body');
  return this;
});

function jsonError(res) {
  try { res.json(); return null; } catch (e) { return e.name + ': ' + e.message; }
}
chain('json', function () {
  var err = jsonError(mustBeResponse(this));
  this.assert(!err, 'expected response body to be a valid json but got error ' + err, 'expected response body not to be a valid json');
  return this;
});
method(['body'], function (want) {
  var res = mustBeResponse(this);
  if (arguments.length === 0) return this.assert(res.text().length > 0, 'expected response to have content in body', 'expected response to not have content in body');
  if (want instanceof RegExp) return this.assert(want.exec(res.text()) !== null, 'expected response body text to match #{exp} but got #{act}', 'expected response body text #{act} to not match #{exp}', want, res.text());
  if (typeof want === 'object' && want !== null) {
    var got = jsonError(res) ? undefined : res.json();
    return this.assert(deepEqual(got, want), 'expected response body json to equal #{exp} but got #{act}', 'expected response body json to not equal #{exp} but got #{act}', want, got);
  }
  this.assert(res.text() === want, 'expected response body to equal #{exp} but got #{act}', 'expected response body to not equal #{exp}', want, res.text());
});
method(['jsonBody'], function (path, value) {
  var res = mustBeResponse(this);
  var err = jsonError(res);
  if (arguments.length === 0) return this.assert(!err, 'expected response body to be a valid json but got error ' + err, 'expected response body not to be a valid json');
  var body = err ? undefined : res.json();
  var hit = pathOf(body, path);
  this.assert(hit.exists, 'expected #{act} in response to contain property #{exp}', 'expected #{act} in response to not contain property #{exp}', path, body);
  if (arguments.length > 1) {
    this.assert(deepEqual(hit.value, value), 'expected response body json at "' + path + '" to contain #{exp} but got #{act}',
      'expected response body json at "' + path + '" to not contain #{exp} but got #{act}', value, hit.value);
  }
});
method(['jsonSchema'], function () { throw unsupported('to.have.jsonSchema'); });

function pathOf(obj, path) {
  var parts = String(path).replace(/\[(\w+)\]/g, '.$1').split('.').filter(Boolean);
  var cur = obj;
  for (var i = 0; i < parts.length; i++) {
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, parts[i])) return { exists: false };
    cur = cur[parts[i]];
  }
  return { exists: true, value: cur };
}
