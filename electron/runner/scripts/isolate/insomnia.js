// Inside the isolate: Insomnia's `insomnia` object (insomnia-scripting-environment), which follows
// Postman's shapes: environment, baseEnvironment (= collectionVariables), variables, globals,
// iterationData, request, response, info, test (async) and expect. What it lacks throws an
// UnsupportedError that is also listed in the result.
/* eslint-disable @typescript-eslint/no-unused-vars -- the isolate's files run as one function body: one file defines what another uses */
/* global FLAVOURS, asyncTest, run, strict, unsupported, own, layered, scope, replaceIn, makeConsole, lazy, expect, makeRequest, makeResponse */
/* exported defineInsomnia */

/** insomnia.test: a failure reads as Insomnia words it (`error: … | ACTUAL: … | EXPECTED: …`). */
function insomniaTest(name, fn) {
  return asyncTest(name, fn, function (e) {
    var actual = e !== null && typeof e === 'object' ? e.actual : undefined;
    var expected = e !== null && typeof e === 'object' ? e.expected : undefined;
    return 'error: ' + String(e) + ' | ACTUAL: ' + String(actual) + ' | EXPECTED: ' + String(expected);
  });
}

function defineInsomnia(input) {
  var v = input.vars;
  var lookup = layered(v);
  var test = function (name, fn) { return insomniaTest(name, fn); };
  test.skip = function (name) { run.tests.push({ name: String(name), passed: true, skipped: true }); return Promise.resolve(); };
  var ins = { test: test, expect: expect };
  // With no environment picked, Insomnia's insomnia.environment is the base environment.
  var picked = input.info.environmentName !== undefined;
  lazy(ins, 'baseEnvironment', function () { return scope(v.collection, 'insomnia.baseEnvironment', { name: 'Base Environment' }); });
  lazy(ins, 'collectionVariables', function () { return ins.baseEnvironment; });
  lazy(ins, 'environment', function () {
    return picked ? scope(v.environment, 'insomnia.environment', { name: input.info.environmentName }) : ins.baseEnvironment;
  });
  lazy(ins, 'globals', function () { return scope(v.globals, 'insomnia.globals'); });
  lazy(ins, 'iterationData', function () { return scope(Object.assign({}, v.iterationData), 'insomnia.iterationData'); });
  lazy(ins, 'variables', function () {
    return scope(v.local, 'insomnia.variables', {
      get: lookup,
      has: function (k) { return lookup(k) !== undefined; },
      toObject: function () { return Object.assign({}, v.globals, v.collection, v.environment, v.iterationData, v.local); },
      replaceIn: function (t) { return replaceIn(t, lookup); },
    });
  });
  lazy(ins, 'info', function () {
    return strict({ eventName: input.kind === 'test' ? 'afterResponse' : 'prerequest', iteration: input.info.iteration + 1,
      iterationCount: input.info.iterationCount, requestName: input.info.requestName, requestId: input.info.requestName }, 'insomnia.info');
  });
  lazy(ins, 'request', function () {
    return makeRequest(input.request, input.kind === 'prerequest' ? function (list) { run.requestHeaders = list; } : undefined, 'insomnia');
  });
  if (input.response) {
    lazy(ins, 'response', function () {
      var res = makeResponse(input.response, 'insomnia');
      // Insomnia's Response also has the body as a property.
      Object.defineProperty(res, 'body', { value: input.response.body, enumerable: true });
      return res;
    });
  }
  globalThis.insomnia = strict(ins, 'insomnia');
  globalThis.console = makeConsole();
}

FLAVOURS.insomnia = defineInsomnia;
