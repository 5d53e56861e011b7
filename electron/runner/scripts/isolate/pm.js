// Inside the isolate: the `pm` object, console and Postman's legacy globals, over one JSON input.
// There are no host functions: the script sees only what this file builds from the input, and every
// Postman feature it lacks throws an UnsupportedError that is also listed in the result.
/* eslint-disable @typescript-eslint/no-unused-vars -- the isolate's files run as one function body: one file defines what another uses */
/* global inspect, inspectFull, expect, makeResponse, makeRequest, HeaderList */
/* exported unsupported, strict, controller, FLAVOURS, asyncTest, scope, replaceIn, makeConsole, lazy, lacking, errorText, own, layered, text */

var run = newRun(null);

/** One script's record; Bruno and Insomnia scripts also leave assertions, a changed body or URL, async work. */
function newRun(vars) {
  return { tests: [], assertions: [], unsupported: [], logs: [], logBytes: 0, vars: vars, touches: 0, inTest: 0, outside: [], pending: [] };
}
// Taken before any script runs: a script that replaces JSON cannot rewrite what the host reads.
var toJson = JSON.stringify;
var fromJson = JSON.parse;

class UnsupportedError extends Error {
  constructor(name) {
    super(name + ' is not supported by clearance run');
    this.name = 'UnsupportedError';
  }
}

/** Records the use (even if the script catches the error) and returns the error to throw. */
function unsupported(name) {
  if (run.unsupported.indexOf(name) < 0) run.unsupported.push(name);
  run.touches++;
  run.lastUnsupported = name;
  if (run.inTest === 0 && run.outside.indexOf(name) < 0) run.outside.push(name);
  return new UnsupportedError(name);
}

// Reads that printing, promise checks and JSON make on any object: never an unsupported feature.
var PROBES = ['then', 'toJSON', 'inspect', 'constructor', '__clearanceInspect', 'nodeType', 'asymmetricMatch', '$$typeof'];

/** An object whose unknown properties are Postman features this sandbox lacks: reading one throws. */
function strict(obj, path) {
  return new Proxy(obj, {
    get: function (t, prop, receiver) {
      if (typeof prop === 'symbol' || prop in t || PROBES.indexOf(prop) >= 0) return Reflect.get(t, prop, receiver);
      throw unsupported(path + '.' + prop);
    },
  });
}

function own(o, k) { return Object.prototype.hasOwnProperty.call(o, k); }

/** A variable by name, nearest scope first (local, iteration data, environment, collection, globals): each tool's order. */
function layered(v) {
  var layers = [v.local, v.iterationData, v.environment, v.collection, v.globals];
  return function (k) {
    for (var i = 0; i < layers.length; i++) if (own(layers[i], k)) return layers[i][k];
    return undefined;
  };
}

function text(v) {
  return typeof v === 'string' ? v : v === undefined ? '' : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
}

function randomHex(n) {
  var s = '';
  for (var i = 0; i < n; i++) s += Math.floor(Math.random() * 16).toString(16);
  return s;
}

function uuid() {
  var h = randomHex(32);
  return h.slice(0, 8) + '-' + h.slice(8, 12) + '-4' + h.slice(13, 16) + '-' + '89ab'[Math.floor(Math.random() * 4)] + h.slice(17, 20) + '-' + h.slice(20, 32);
}

var DYNAMIC = {
  $guid: uuid, $randomUUID: uuid, $timestamp: function () { return String(Math.floor(Date.now() / 1000)); },
  $isoTimestamp: function () { return new Date().toISOString(); }, $randomInt: function () { return String(Math.floor(Math.random() * 1001)); },
};

function replaceIn(template, lookup) {
  return String(template).replace(/\{\{([^{}]+)\}\}/g, function (all, name) {
    var key = name.trim();
    var v = lookup(key);
    if (v !== undefined) return text(v);
    return own(DYNAMIC, key) ? DYNAMIC[key]() : all;
  });
}

function scope(values, path, extra) {
  var s = {
    get: function (k) { return own(values, k) ? values[k] : undefined; },
    set: function (k, v) { if (k !== undefined && k !== null) values[String(k)] = v; },
    unset: function (k) { delete values[k]; },
    has: function (k) { return own(values, k); },
    clear: function () { Object.keys(values).forEach(function (k) { delete values[k]; }); },
    toObject: function () { return Object.assign({}, values); },
    toJSON: function () { return Object.assign({}, values); },
    replaceIn: function (t) { return replaceIn(t, s.get); },
  };
  return strict(Object.assign(s, extra || {}), path);
}

function makeConsole() {
  var write = function (level) {
    return function () {
      var line = Array.prototype.map.call(arguments, function (a) { return typeof a === 'string' ? a : inspectFull(a); }).join(' ');
      if (run.logs.length >= 500 || run.logBytes > 256 * 1024) return;
      run.logBytes += line.length;
      run.logs.push((level === 'log' ? '' : level + ': ') + (line.length > 4000 ? line.slice(0, 4000) + '…' : line));
    };
  };
  return { log: write('log'), info: write('info'), warn: write('warn'), error: write('error'), debug: write('debug') };
}

function errorText(e) {
  if (e instanceof Error || (e && typeof e.message === 'string')) return e.name === 'AssertionError' ? e.message : (e.name || 'Error') + ': ' + e.message;
  return 'thrown: ' + inspect(e);
}

function pmTest(name, fn) {
  var rec = { name: String(name), passed: true };
  if (typeof fn !== 'function') {
    rec.skipped = true;
    run.tests.push(rec);
    return;
  }
  var touches = run.touches;
  run.inTest++;
  try {
    if (fn.length > 0) throw unsupported('pm.test with a done callback');
    var out = fn();
    if (out && typeof out.then === 'function') throw unsupported('async pm.test');
  } catch (e) {
    rec.passed = false;
    rec.error = errorText(e);
  } finally {
    run.inTest--;
  }
  // A test that caught the UnsupportedError it met still did not run what it meant to.
  if (rec.passed && run.touches > touches) {
    rec.passed = false;
    rec.error = 'UnsupportedError: ' + new UnsupportedError(run.lastUnsupported).message + ' (the test caught its error)';
  }
  run.tests.push(rec);
}

function defineGlobals(input) {
  var v = input.vars;
  var env = v.environment;
  var data = v.iterationData;
  var lookup = layered(v);
  var test = function (name, fn) { pmTest(name, fn); return globalThis.pm; };
  test.skip = function (name) { run.tests.push({ name: String(name), passed: true, skipped: true }); return globalThis.pm; };
  var pm = { test: test, expect: expect, response: undefined };
  // Built when first read: most scripts touch a few of these, and QuickJS is slow to build them all.
  lazy(pm, 'info', function () {
    return strict({ eventName: input.kind, iteration: input.info.iteration, iterationCount: input.info.iterationCount,
      requestName: input.info.requestName, requestId: input.info.requestName }, 'pm.info');
  });
  lazy(pm, 'environment', function () { return scope(env, 'pm.environment', { name: input.info.environmentName }); });
  lazy(pm, 'collectionVariables', function () { return scope(v.collection, 'pm.collectionVariables'); });
  lazy(pm, 'globals', function () { return scope(v.globals, 'pm.globals'); });
  lazy(pm, 'iterationData', function () { return scope(Object.assign({}, data), 'pm.iterationData'); });
  lazy(pm, 'request', function () {
    return makeRequest(input.request, input.kind === 'prerequest' ? function (list) { run.requestHeaders = list; } : undefined);
  });
  if (input.response) lazy(pm, 'response', function () { return makeResponse(input.response); });
  lazy(pm, 'variables', function () {
    return scope(v.local, 'pm.variables', {
      get: lookup,
      has: function (k) { return lookup(k) !== undefined; },
      toObject: function () { return Object.assign({}, v.globals, v.collection, env, data, v.local); },
      replaceIn: function (t) { return replaceIn(t, lookup); },
    });
  });
  globalThis.pm = strict(pm, 'pm');
  globalThis.console = makeConsole();
  defineLegacy(input);
}

/** A property made when first read; a script may still assign its own value. */
function lazy(obj, name, make) {
  var put = function (value) { Object.defineProperty(obj, name, { value: value, writable: true, configurable: true, enumerable: true }); };
  Object.defineProperty(obj, name, { configurable: true, enumerable: true, get: function () { var value = make(); put(value); return value; }, set: put });
}

var RESPONSE_GLOBALS = ['responseBody', 'responseCode', 'responseHeaders', 'responseTime', 'responseCookies'];

function defineLegacy(input) {
  var v = input.vars;
  globalThis.tests = {};
  globalThis.iteration = input.info.iteration;
  lazy(globalThis, 'environment', function () { return Object.assign({}, v.environment); });
  lazy(globalThis, 'globals', function () { return Object.assign({}, v.globals); });
  lazy(globalThis, 'data', function () { return Object.assign({}, v.iterationData); });
  lazy(globalThis, 'request', function () {
    return { name: input.info.requestName, method: input.request.method, url: input.request.url,
      headers: new HeaderList(input.request.headers).toObject(), data: input.request.body === undefined ? {} : input.request.body };
  });
  lazy(globalThis, 'postman', function () { return legacyPostman(input); });
  var r = input.response;
  RESPONSE_GLOBALS.forEach(function (n) { delete globalThis[n]; });
  if (!r) return;
  globalThis.responseBody = r.body;
  globalThis.responseTime = Math.round(r.timeMs);
  lazy(globalThis, 'responseCode', function () { return { code: r.status, name: globalThis.pm.response.status, detail: '' }; });
  lazy(globalThis, 'responseHeaders', function () { return globalThis.pm.response.headers.toObject(); });
  lacking(['responseCookies']);
}

function legacyPostman(input) {
  var pm = globalThis.pm;
  var postman = {
    setEnvironmentVariable: function (k, val) { pm.environment.set(k, val); },
    getEnvironmentVariable: function (k) { return pm.environment.get(k); },
    clearEnvironmentVariable: function (k) { pm.environment.unset(k); },
    clearEnvironmentVariables: function () { pm.environment.clear(); },
    setGlobalVariable: function (k, val) { pm.globals.set(k, val); },
    getGlobalVariable: function (k) { return pm.globals.get(k); },
    clearGlobalVariable: function (k) { pm.globals.unset(k); },
    clearGlobalVariables: function () { pm.globals.clear(); },
  };
  if (input.response) postman.getResponseHeader = function (name) { return pm.response.headers.get(name); };
  return strict(postman, 'postman');
}

/** Library globals of Postman's sandbox: using one is named; a script's own `var _ = ...` still works. */
function lacking(names) {
  names.forEach(function (n) {
    Object.defineProperty(globalThis, n, {
      configurable: true,
      get: function () { throw unsupported(n); },
      set: function (value) { Object.defineProperty(globalThis, n, { value: value, writable: true, configurable: true }); },
    });
  });
}

function defineMissing() {
  lacking(['_', 'CryptoJS', 'tv4', 'xml2Json', 'Backbone', 'cheerio', 'Buffer', 'fetch', 'XMLHttpRequest']);
  ['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate'].forEach(function (n) {
    globalThis[n] = function () { throw unsupported(n); };
  });
  globalThis.require = function (name) { throw unsupported("require('" + String(name) + "')"); };
  globalThis.btoa = btoa;
  globalThis.atob = atob;
}

function finish(error) {
  var legacy = globalThis.tests;
  if (legacy && typeof legacy === 'object') {
    Object.keys(legacy).forEach(function (k) {
      var ok = Boolean(legacy[k]);
      run.tests.push(ok ? { name: k, passed: true } : { name: k, passed: false, error: 'expected ' + String(legacy[k]) + ' to be truthy' });
    });
  }
  var v = run.vars;
  // Used outside any pm.test and caught by the script: the script did not do what it meant to.
  var caught = !error && run.outside.length ? 'UnsupportedError: ' + new UnsupportedError(run.outside[0]).message + ' (the script caught its error)' : undefined;
  // An async test (Bruno, Insomnia) still waiting after every job ran waited on something that never comes.
  run.pending.forEach(function (rec) {
    run.tests.push({ name: rec.name, passed: false, error: 'the test did not finish: it waited on something that never completed' });
  });
  var out = { tests: run.tests, assertions: run.assertions, unsupported: run.unsupported, logs: run.logs, error: error || run.asyncError || caught,
    requestHeaders: run.requestHeaders, requestBody: run.requestBody, requestUrl: run.requestUrl,
    vars: { environment: v.environment, collection: v.collection, globals: v.globals, local: v.local } };
  return toJson(out, function (_k, val) { return typeof val === 'bigint' ? String(val) : val; });
}

var B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function btoa(s) {
  var str = String(s);
  var out = '';
  for (var i = 0; i < str.length; i += 3) {
    var a = str.charCodeAt(i);
    var b = str.charCodeAt(i + 1);
    var c = str.charCodeAt(i + 2);
    if (a > 255 || b > 255 || c > 255) throw new Error('InvalidCharacterError: btoa takes Latin-1 text only');
    var n = (a << 16) | ((b || 0) << 8) | (c || 0);
    out += B64[n >> 18] + B64[(n >> 12) & 63] + (i + 1 < str.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < str.length ? B64[n & 63] : '=');
  }
  return out;
}

function atob(s) {
  var str = String(s).replace(/[\s=]+/g, '');
  var out = '';
  var bits = 0;
  var acc = 0;
  for (var i = 0; i < str.length; i++) {
    var v = B64.indexOf(str[i]);
    if (v < 0) throw new Error('InvalidCharacterError: not base64');
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((acc >> bits) & 255);
    }
  }
  return out;
}

/**
 * Bruno's test() and Insomnia's insomnia.test(): async, recorded when settled (as both tools do: a
 * callback that throws at once lands before one that passes). `errorOf` words a failure as the tool does.
 */
async function asyncTest(name, fn, errorOf) {
  var rec = { name: String(name), passed: true };
  run.pending.push(rec);
  try {
    var touches = run.touches;
    run.inTest++;
    var out;
    try {
      out = fn();
    } finally {
      run.inTest--;
    }
    await out;
    // A test that caught the UnsupportedError it met still did not run what it meant to.
    if (run.touches > touches) {
      var caught = new UnsupportedError(run.lastUnsupported);
      caught.message += ' (the test caught its error)';
      throw caught;
    }
  } catch (e) {
    rec.passed = false;
    rec.error = errorOf(e);
  }
  run.pending = run.pending.filter(function (x) { return x !== rec; });
  run.tests.push(rec);
}

/** Each tool's globals (bruno.js and insomnia.js add theirs when their prelude includes them). */
var FLAVOURS = { postman: defineGlobals };

/**
 * An async script body (Bruno's and Insomnia's may `await` at the top): its rejection is the script's
 * error, read by finish() after the host ran every pending job.
 */
function runAsync(body) {
  body().then(undefined, function (e) { run.asyncError = errorText(e); });
}

/**
 * What the host calls for each script: begin with the input, finish with the script's error (if any).
 * Neither is reachable from a script. The scripts of one run share this context, as in Postman.
 */
var controller = {
  begin: function (json) {
    var input = fromJson(json);
    run = newRun(input.vars);
    FLAVOURS[input.flavour || 'postman'](input);
  },
  runAsync: runAsync,
  finish: finish,
};

defineMissing();
