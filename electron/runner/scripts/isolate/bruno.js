// Inside the isolate: Bruno's script globals (bru, req, res, test, expect) as @usebruno/js shapes
// them, its declarative `assert` block and `vars:post-response`. Built on pm.js's run record; every
// Bruno feature this sandbox lacks throws an UnsupportedError that is also listed in the result.
/* eslint-disable @typescript-eslint/no-unused-vars -- the isolate's files run as one function body: one file defines what another uses */
/* global FLAVOURS, asyncTest, run, strict, unsupported, own, layered, replaceIn, makeConsole, lacking, expect, inspect, objDisplay, typeOf, method, AssertionError */
/* exported defineBruno */

// Bruno's own check (bru.js variableNameRegex).
var BRU_NAME = /^[\w-.]*$/;

function bruName(k) {
  if (!BRU_NAME.test(k)) throw new Error('Variable name: "' + k + '" contains invalid characters! Names must only contain alpha-numeric characters, "-", "_", "."');
}

/** Bruno's `res.body`: the text parsed as JSON when it parses (whatever the content type), else the text. */
function bruBody(text) {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (_e) {
    return text;
  }
}

function headerObject(pairs, lower) {
  var out = {};
  pairs.forEach(function (p) { out[lower ? p[0].toLowerCase() : p[0]] = p[1]; });
  return out;
}

/** `res('data.items[0].id')`: @usebruno/query's plain paths; its filters and deep scans are not here. */
function bruQuery(body, path) {
  if (typeof path !== 'string' || arguments.length > 2 || /\.\.|[?*()]/.test(path)) throw unsupported("res(query) with filters, functions or '..'");
  var parts = path.replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean);
  var cur = body;
  for (var i = 0; i < parts.length; i++) {
    if (cur === null || cur === undefined) return undefined;
    cur = cur[parts[i]];
  }
  return cur;
}

function makeBru(input, lookup) {
  var v = input.vars;
  var interpolate = function (val) { return typeof val === 'string' ? replaceIn(val, lookup) : val; };
  var setter = function (scope, named) {
    return function (k, val) {
      if (!k) throw new Error('Creating a ' + (named ? 'env ' : '') + 'variable without specifying a name is not allowed.');
      bruName(k);
      scope[k] = val;
    };
  };
  var bru = {
    interpolate: interpolate,
    getEnvName: function () { return input.info.environmentName; },
    hasVar: function (k) { return own(v.local, k); },
    getVar: function (k) { bruName(k); return interpolate(v.local[k]); },
    setVar: setter(v.local, false),
    deleteVar: function (k) { delete v.local[k]; },
    deleteAllVars: function () { Object.keys(v.local).forEach(function (k) { delete v.local[k]; }); },
    getAllVars: function () { return Object.assign({}, v.local); },
    hasEnvVar: function (k) { return own(v.environment, k); },
    getEnvVar: function (k) { return interpolate(v.environment[k]); },
    setEnvVar: setter(v.environment, true),
    deleteEnvVar: function (k) { delete v.environment[k]; },
    getAllEnvVars: function () { return Object.assign({}, v.environment); },
    hasCollectionVar: function (k) { return own(v.collection, k); },
    getCollectionVar: function (k) { return interpolate(v.collection[k]); },
    setCollectionVar: setter(v.collection, false),
    deleteCollectionVar: function (k) { delete v.collection[k]; },
    getAllCollectionVars: function () { return Object.assign({}, v.collection); },
    hasGlobalEnvVar: function (k) { return own(v.globals, k); },
    getGlobalEnvVar: function (k) { return interpolate(v.globals[k]); },
    setGlobalEnvVar: setter(v.globals, true),
    deleteGlobalEnvVar: function (k) { delete v.globals[k]; },
    getAllGlobalEnvVars: function () { return Object.assign({}, v.globals); },
  };
  return strict(bru, 'bru');
}

/** Bruno's `req`: headers as an object (names as written), the URL with its {{templates}} before the send. */
function makeBruReq(q, editable) {
  var headers = headerObject(q.headers, false);
  var edit = function (what) {
    if (!editable) throw unsupported('req.' + what + ' after the request was sent');
  };
  var headersChanged = function () {
    run.requestHeaders = Object.keys(headers).map(function (k) { return [k, String(headers[k])]; });
  };
  var isJson = function () { return /json/.test(headers['Content-Type'] || headers['content-type'] || ''); };
  var req = {
    url: q.url, method: q.method, headers: headers, body: q.body,
    getUrl: function () { return req.url; },
    setUrl: function (u) { edit('setUrl'); req.url = String(u); run.requestUrl = req.url; },
    getMethod: function () { return req.method; },
    getName: function () { return run.requestName; },
    getHeader: function (name) { return headers[name]; },
    getHeaders: function () { return headers; },
    setHeader: function (name, value) { edit('setHeader'); headers[name] = value; headersChanged(); },
    setHeaders: function (obj) {
      edit('setHeaders');
      Object.keys(headers).forEach(function (k) { delete headers[k]; });
      Object.assign(headers, obj);
      headersChanged();
    },
    deleteHeader: function (name) { edit('deleteHeader'); delete headers[name]; headersChanged(); },
    deleteHeaders: function (names) { names.forEach(function (n) { req.deleteHeader(n); }); },
    getBody: function (opts) {
      if (opts && opts.raw) return req.body;
      if (!isJson() || typeof req.body !== 'string') return req.body;
      try { return JSON.parse(req.body); } catch (_e) { return req.body; }
    },
    setBody: function (data, opts) {
      edit('setBody');
      var text = !(opts && opts.raw) && isJson() && data !== null && typeof data === 'object' ? JSON.stringify(data) : data;
      req.body = text;
      run.requestBody = typeof text === 'string' ? text : JSON.stringify(text);
    },
  };
  return strict(req, 'req');
}

/** Bruno's `res`: callable (`res('a.b')`), with the body parsed as Bruno parses it. */
function makeBruRes(r) {
  var state = { body: bruBody(r.body) };
  var headers = headerObject(r.headers, true);
  var res = function (path) { return bruQuery(state.body, path); };
  Object.assign(res, {
    status: r.status, statusText: r.statusText || '', headers: headers, responseTime: Math.round(r.timeMs),
    getStatus: function () { return r.status; },
    getStatusText: function () { return r.statusText || ''; },
    getHeader: function (name) { return typeof name === 'string' ? headers[name.toLowerCase()] : null; },
    getHeaders: function () { return headers; },
    getBody: function () { return state.body; },
    getResponseTime: function () { return Math.round(r.timeMs); },
    getUrl: function () { return r.url; },
    setBody: function (data) { state.body = data; res.body = data; },
    getSize: function () { return { header: 0, body: r.bodyBytes, total: r.bodyBytes }; },
  });
  res.body = state.body;
  res.url = r.url;
  return strict(res, 'res');
}

/** Bruno's test(): a failure is the error's message alone. */
function bruTest(name, fn) {
  return asyncTest(name, fn, function (e) { return e && typeof e.message === 'string' ? e.message : String(e); });
}

/** Evaluates a Bruno expression (an `assert` left side, a `vars:post-response` value) over its context. */
function bruEval(expr, ctx, template) {
  var body = template ? 'return `' + expr + '`;' : 'return (' + expr + ');';
  // `with` gives the expression Bruno's scope: every variable by name, then bru, req and res.
  return new Function('__ctx', 'with (__ctx) { ' + body + ' }')(ctx);
}

/** An `assert` right side as Bruno reads it: true, false, null, quoted text, numbers, else a template. */
function bruOperand(text, ctx, lookup) {
  var t = replaceIn(text, lookup).trim();
  if (t === 'true' || t === 'false') return t === 'true';
  if (t === 'null') return null;
  if (t === 'undefined' || t === '') return t === '' ? t : undefined;
  if (/^(".*"|'.*')$/.test(t)) return t.slice(1, -1);
  if (!isNaN(t) && Number(t) <= Number.MAX_SAFE_INTEGER) return Number(t);
  return bruEval(t, ctx, true);
}

var UNARY = ['isEmpty', 'isNotEmpty', 'isNull', 'isUndefined', 'isDefined', 'isTruthy', 'isFalsy', 'isJson', 'isNumber', 'isString', 'isBoolean', 'isArray'];
var BINARY = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'notIn', 'contains', 'notContains', 'length', 'matches', 'notMatches', 'startsWith', 'endsWith', 'between'];

function parseOperator(str) {
  var words = String(str).trim().split(' ');
  if (UNARY.indexOf(words[0]) >= 0) return { op: words[0], value: '' };
  if (BINARY.indexOf(words[0]) >= 0) return { op: words[0], value: words.slice(1).join(' ') };
  return { op: 'eq', value: String(str) };
}

/* eslint-disable @typescript-eslint/no-unused-expressions -- chai's property assertions (`.to.be.empty`) act when read */
function assertOne(op, lhs, rhs) {
  var e = expect(lhs);
  var CHECKS = {
    eq: function () { e.to.equal(rhs); }, neq: function () { e.to.not.equal(rhs); },
    gt: function () { e.to.be.greaterThan(rhs); }, gte: function () { e.to.be.greaterThanOrEqual(rhs); },
    lt: function () { e.to.be.lessThan(rhs); }, lte: function () { e.to.be.lessThanOrEqual(rhs); },
    in: function () { e.to.be.oneOf(rhs); }, notIn: function () { e.to.not.be.oneOf(rhs); },
    contains: function () { e.to.include(rhs); }, notContains: function () { e.to.not.include(rhs); },
    length: function () { e.to.have.lengthOf(rhs); },
    matches: function () { e.to.match(new RegExp(rhs)); }, notMatches: function () { e.to.not.match(new RegExp(rhs)); },
    startsWith: function () { e.to.startWith(rhs); }, endsWith: function () { e.to.endWith(rhs); },
    between: function () { e.to.be.within(rhs[0], rhs[1]); },
    isEmpty: function () { e.to.be.empty; }, isNotEmpty: function () { e.to.not.be.empty; },
    isNull: function () { e.to.be.null; }, isUndefined: function () { e.to.be.undefined; }, isDefined: function () { e.to.not.be.undefined; },
    // Bruno's own mapping: isTruthy is `to.be.true`, isFalsy `to.be.false`.
    isTruthy: function () { e.to.be.true; }, isFalsy: function () { e.to.be.false; },
    isJson: function () {
      var ok = typeof lhs === 'object' && lhs !== null && (Array.isArray(lhs) || Object.prototype.toString.call(lhs) === '[object Object]');
      if (!ok) throw new AssertionError('expected ' + inspect(lhs) + ' to be JSON');
    },
    isNumber: function () { e.to.be.a('number'); }, isString: function () { e.to.be.a('string'); },
    isBoolean: function () { e.to.be.a('boolean'); }, isArray: function () { e.to.be.a('array'); },
  };
  CHECKS[op]();
}
/* eslint-enable @typescript-eslint/no-unused-expressions */

function rightSide(op, value, ctx, lookup) {
  if (UNARY.indexOf(op) >= 0) return undefined;
  var v = value;
  if (op === 'in' || op === 'notIn' || op === 'between') {
    if (op !== 'between' && /^\[.*\]$/.test(v)) v = v.slice(1, -1);
    return v.split(',').map(function (x) { return bruOperand(x.trim(), ctx, lookup); });
  }
  if (op === 'matches' || op === 'notMatches') return replaceIn(/^\/.*\/$/.test(v) ? v.slice(1, -1) : v, lookup);
  return bruOperand(v, ctx, lookup);
}

function defineBruno(input) {
  var v = input.vars;
  var lookup = layered(v);
  run.requestName = input.info.requestName;
  var bru = makeBru(input, lookup);
  var req = makeBruReq(input.request, input.kind === 'prerequest');
  var res = input.response ? makeBruRes(input.response) : undefined;
  var context = function () { return Object.assign({}, v.globals, v.collection, v.environment, v.iterationData, v.local, { bru: bru, req: req, res: res }); };
  globalThis.bru = bru;
  globalThis.req = req;
  globalThis.res = res;
  globalThis.test = bruTest;
  globalThis.expect = expect;
  globalThis.console = makeConsole();
  /** The `assert` block: each enabled line checked as Bruno's assert runtime checks it. */
  globalThis.__clearanceBrunoAssert = function (list) {
    var ctx = context();
    list.forEach(function (a) {
      var parsed = parseOperator(a[1]);
      var rec = { name: a[0], passed: true, expected: String(a[1]), actual: '' };
      try {
        var lhs = bruEval(a[0], ctx, false);
        rec.actual = objDisplay(lhs);
        assertOne(parsed.op, lhs, rightSide(parsed.op, parsed.value, ctx, lookup));
      } catch (e) {
        rec.passed = false;
        rec.actual = rec.actual || (e && e.message) || String(e);
        rec.error = e && typeof e.message === 'string' ? e.message : String(e);
      }
      run.assertions.push(rec);
    });
  };
  /** `vars:post-response`: each value an expression over the response, set as a runtime variable. */
  globalThis.__clearanceBrunoVars = function (list) {
    var ctx = context();
    list.forEach(function (a) { bru.setVar(a[0], bruEval(a[1], ctx, false)); });
  };
}

// chai-string's words, which Bruno's expect has (its assert block uses them for startsWith/endsWith).
method(['startWith', 'startsWith'], function (s) {
  this.assert(typeof this._obj === 'string' && this._obj.indexOf(s) === 0, 'expected #{this} to start with #{exp}', 'expected #{this} not to start with #{exp}', s);
});
method(['endWith', 'endsWith'], function (s) {
  var o = this._obj;
  this.assert(typeof o === 'string' && o.length >= s.length && o.slice(o.length - s.length) === s, 'expected #{this} to end with #{exp}', 'expected #{this} not to end with #{exp}', s);
});

FLAVOURS.bruno = defineBruno;
lacking(['assert']);
