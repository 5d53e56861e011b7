// Inside the isolate: a compact chai 4 BDD `expect` with the chains Postman scripts use, and chai's
// messages. An unknown chain word throws (as chai's proxy does), so a typo never passes silently.
/* global inspect, objDisplay, typeOf, deepEqual, responseAssertions */
/* exported expect, AssertionError */

class AssertionError extends Error {
  constructor(message) {
    super(message);
    this.name = 'AssertionError';
  }
}

var CHAIN_WORDS = ['to', 'be', 'been', 'is', 'that', 'which', 'and', 'has', 'have', 'with', 'at', 'of', 'same', 'but', 'does', 'still', 'also'];
// Property reads that are not chains (promise checks, printing) and must not throw.
var QUIET = ['then', 'inspect', 'toJSON', 'constructor', '__clearanceInspect', 'nodeType', 'asymmetricMatch'];

function proxify(target) {
  return new Proxy(target, {
    get: function (t, prop, receiver) {
      if (typeof prop === 'symbol' || prop in t || QUIET.indexOf(prop) >= 0) return Reflect.get(t, prop, receiver);
      throw new Error('Invalid Chai property: ' + prop);
    },
  });
}

function Assertion(obj, message) {
  this._flags = { object: obj, message: message };
  return proxify(this);
}

Object.defineProperty(Assertion.prototype, '_obj', { get: function () { return this._flags.object; } });

function fill(template, values) {
  return template.replace(/#\{(this|exp|act)\}/g, function (_m, k) { return objDisplay(values[k]); });
}

Assertion.prototype.assert = function (ok, msg, negMsg, expected, actual) {
  var neg = Boolean(this._flags.negate);
  if (neg ? !ok : ok) return;
  var act = arguments.length > 4 ? actual : this._obj;
  var text = fill(neg ? negMsg : msg, { this: this._obj, exp: expected, act: act });
  var err = new AssertionError(this._flags.message ? this._flags.message + ': ' + text : text);
  // As chai's: Insomnia's test results print both.
  err.actual = act;
  err.expected = expected;
  throw err;
};

function chain(name, get) {
  Object.defineProperty(Assertion.prototype, name, { get: get, configurable: true });
}

function method(names, fn) {
  names.forEach(function (n) { Assertion.prototype[n] = function () { fn.apply(this, arguments); return this; }; });
}

/** A word that works as a property (`.include.members`) and as a call (`.include(x)`). */
function chainable(names, setFlag, fn) {
  names.forEach(function (n) {
    chain(n, function () {
      // eslint-disable-next-line @typescript-eslint/no-this-alias -- the call form must run on this very assertion
      var self = this;
      setFlag.call(self);
      var call = function () { fn.apply(self, arguments); return self; };
      Object.setPrototypeOf(call, self);
      return proxify(call);
    });
  });
}

CHAIN_WORDS.forEach(function (w) { chain(w, function () { return this; }); });
[['not', 'negate'], ['deep', 'deep'], ['nested', 'nested'], ['own', 'own'], ['any', 'any'], ['all', 'all'], ['ordered', 'ordered']]
  .forEach(function (p) { chain(p[0], function () { this._flags[p[1]] = true; return this; }); });

function equal(a, b, deep) { return deep ? deepEqual(a, b) : a === b; }

method(['equal', 'equals', 'eq'], function (val) {
  if (this._flags.deep) return this.assert(deepEqual(this._obj, val), 'expected #{this} to deeply equal #{exp}', 'expected #{this} to not deeply equal #{exp}', val);
  var subject = this._flags.doLength ? this._obj.length : this._obj;
  this.assert(subject === val, 'expected #{this} to equal #{exp}', 'expected #{this} to not equal #{exp}', val, subject);
});
method(['eql', 'eqls'], function (val) {
  this.assert(deepEqual(this._obj, val), 'expected #{this} to deeply equal #{exp}', 'expected #{this} to not deeply equal #{exp}', val);
});
method(['a', 'an'], function (type) {
  var t = String(type).toLowerCase();
  var article = /^[aeiou]/.test(t) ? 'an ' : 'a ';
  this.assert(typeOf(this._obj) === t, 'expected #{this} to be ' + article + t, 'expected #{this} not to be ' + article + t);
});

function includes(obj, val, deep) {
  var t = typeOf(obj);
  if (t === 'string') return obj.indexOf(val) >= 0;
  if (t === 'array') return obj.some(function (x) { return equal(x, val, deep); });
  if (t === 'object' && typeOf(val) === 'object') {
    return Object.keys(val).every(function (k) { return k in obj && equal(obj[k], val[k], deep); });
  }
  throw new TypeError('the given combination of arguments (' + t + ' and ' + typeOf(val) + ') is invalid for this assertion');
}
/** An object includes another's properties: chai asserts each as a property (and says so in its message). */
function includesProperties(a, val) {
  var f = a._flags;
  var keys = Object.keys(val);
  var failed = [];
  keys.forEach(function (k) {
    var one = new Assertion(a._obj, f.message);
    Object.assign(one._flags, { deep: f.deep, negate: f.negate });
    if (!f.negate || keys.length === 1) return property.call(one, k, [k, val[k]], false);
    try {
      property.call(one, k, [k, val[k]], false);
    } catch (e) {
      if (!(e instanceof AssertionError)) throw e;
      failed.push(e);
    }
  });
  // Negated with several properties: it fails only when every property is there as given.
  if (f.negate && keys.length > 1 && failed.length === keys.length) throw failed[0];
}

chainable(['include', 'includes', 'contain', 'contains'], function () { this._flags.contains = true; }, function (val) {
  if (typeOf(this._obj) === 'object' && typeOf(val) === 'object') return includesProperties(this, val);
  var word = this._flags.deep ? 'deep include' : 'include';
  this.assert(includes(this._obj, val, this._flags.deep), 'expected #{this} to ' + word + ' #{exp}', 'expected #{this} to not ' + word + ' #{exp}', val);
});

function pathValue(obj, path) {
  var parts = String(path).replace(/\[(\w+)\]/g, '.$1').split('.').filter(function (p) { return p !== ''; });
  var cur = obj;
  for (var i = 0; i < parts.length; i++) {
    if (cur === null || cur === undefined || !(parts[i] in Object(cur))) return { exists: false };
    cur = cur[parts[i]];
  }
  return { exists: true, value: cur };
}

function property(name, args, own) {
  var f = this._flags;
  var obj = this._obj;
  var found = f.nested ? pathValue(obj, name)
    : { exists: obj !== null && obj !== undefined && (own || f.own ? Object.prototype.hasOwnProperty.call(Object(obj), name) : name in Object(obj)), value: obj == null ? undefined : obj[name] };
  var what = (f.deep ? 'deep ' : '') + (f.nested ? 'nested ' : '') + (own || f.own ? 'own ' : '') + 'property ' + inspect(name);
  if (args.length > 1) {
    this.assert(found.exists && equal(found.value, args[1], f.deep), 'expected #{this} to have ' + what + ' of #{exp}, but got #{act}',
      'expected #{this} to not have ' + what + ' of #{act}', args[1], found.value);
  } else {
    this.assert(found.exists, 'expected #{this} to have ' + what, 'expected #{this} to not have ' + what);
  }
  f.object = found.value;
}
method(['property'], function (name) { property.call(this, name, arguments, false); });
method(['ownProperty', 'haveOwnProperty'], function (name) { property.call(this, name, arguments, true); });

function lengthOf(obj) {
  if (obj instanceof Map || obj instanceof Set) return obj.size;
  return obj === null || obj === undefined ? undefined : obj.length;
}
method(['lengthOf'], function (n) {
  var len = lengthOf(this._obj);
  this.assert(len === n, 'expected #{this} to have a length of #{exp} but got #{act}', 'expected #{this} to not have a length of #{act}', n, len);
});
chainable(['length'], function () { this._flags.doLength = true; }, function (n) {
  Assertion.prototype.lengthOf.call(this, n);
});

function compare(names, word, negWord, test) {
  method(names, function (n) {
    var len = this._flags.doLength;
    var actual = len ? lengthOf(this._obj) : this._obj;
    if (typeof actual !== 'number' && !(actual instanceof Date)) throw new AssertionError('expected ' + objDisplay(actual) + ' to be a number or a date');
    if (len) this.assert(test(actual, n), 'expected #{this} to have a length ' + word + ' #{exp} but got #{act}', 'expected #{this} to not have a length ' + word + ' #{exp}', n, actual);
    else this.assert(test(actual, n), 'expected #{this} to be ' + word + ' #{exp}', 'expected #{this} to be ' + negWord + ' #{exp}', n);
  });
}
compare(['above', 'gt', 'greaterThan'], 'above', 'at most', function (a, n) { return a > n; });
compare(['least', 'gte', 'greaterThanOrEqual'], 'at least', 'below', function (a, n) { return a >= n; });
compare(['below', 'lt', 'lessThan'], 'below', 'at least', function (a, n) { return a < n; });
compare(['most', 'lte', 'lessThanOrEqual'], 'at most', 'above', function (a, n) { return a <= n; });
method(['within'], function (lo, hi) {
  var a = this._flags.doLength ? lengthOf(this._obj) : this._obj;
  this.assert(a >= lo && a <= hi, 'expected #{this} to be within ' + lo + '..' + hi, 'expected #{this} to not be within ' + lo + '..' + hi);
});
method(['closeTo', 'approximately'], function (n, delta) {
  this.assert(Math.abs(this._obj - n) <= delta, 'expected #{this} to be close to ' + n + ' +/- ' + delta, 'expected #{this} not to be close to ' + n + ' +/- ' + delta);
});
method(['match', 'matches'], function (re) {
  this.assert(re.exec(String(this._obj)) !== null, 'expected #{this} to match ' + re, 'expected #{this} not to match ' + re);
});
method(['string'], function (s) {
  this.assert(String(this._obj).indexOf(s) >= 0, 'expected #{this} to contain ' + inspect(s), 'expected #{this} to not contain ' + inspect(s));
});
method(['oneOf'], function (list) {
  var obj = this._obj;
  var f = this._flags;
  var ok = list.some(function (x) { return f.contains ? includes(obj, x, f.deep) : equal(obj, x, f.deep); });
  this.assert(ok, 'expected #{this} to be one of #{exp}', 'expected #{this} to not be one of #{exp}', list);
});
method(['members'], function (list) {
  var obj = this._obj;
  var deep = this._flags.deep;
  var has = function (from, x) { return from.some(function (y) { return equal(x, y, deep); }); };
  var subset = list.every(function (x) { return has(obj, x); });
  var same = subset && (this._flags.contains || obj.length === list.length) && obj.every(function (x) { return has(list, x); });
  var word = this._flags.contains ? 'be a superset of' : 'have the same members as';
  this.assert(this._flags.contains ? subset : same, 'expected #{this} to ' + word + ' #{exp}', 'expected #{this} to not ' + word + ' #{exp}', list);
});
method(['keys', 'key'], function () {
  var want = Array.isArray(arguments[0]) ? arguments[0] : typeOf(arguments[0]) === 'object' ? Object.keys(arguments[0]) : Array.prototype.slice.call(arguments);
  var have = Object.keys(Object(this._obj));
  var any = this._flags.any;
  var hit = function (k) { return have.indexOf(k) >= 0; };
  var ok = any ? want.some(hit) : want.every(hit) && (this._flags.contains || have.length === want.length);
  var shown = want.map(inspect);
  var list = shown.length > 1 ? shown.slice(0, -1).join(', ') + (any ? ', or ' : ', and ') + shown[shown.length - 1] : shown.join('');
  var verb = this._flags.contains ? 'contain' : 'have';
  var what = (shown.length > 1 ? 'keys ' : 'key ') + list;
  this.assert(ok, 'expected #{this} to ' + verb + ' ' + what, 'expected #{this} to not ' + verb + ' ' + what);
});
method(['instanceof', 'instanceOf'], function (ctor) {
  var name = ctor && ctor.name ? ctor.name : String(ctor);
  this.assert(this._obj instanceof ctor, 'expected #{this} to be an instance of ' + name, 'expected #{this} to not be an instance of ' + name);
});
method(['satisfy', 'satisfies'], function (fn) {
  this.assert(fn(this._obj), 'expected #{this} to satisfy ' + objDisplay(fn), 'expected #{this} to not satisfy ' + objDisplay(fn));
});
method(['throw', 'throws', 'Throw'], function (expected) {
  var thrown = null;
  try { this._obj(); } catch (e) { thrown = e || new Error(String(e)); }
  var ok = thrown !== null;
  if (ok && typeof expected === 'string') ok = String(thrown.message).indexOf(expected) >= 0;
  if (ok && expected instanceof RegExp) ok = expected.test(String(thrown.message));
  if (ok && typeof expected === 'function') ok = thrown instanceof expected;
  var what = expected === undefined ? 'an error' : objDisplay(expected);
  this.assert(ok, 'expected #{this} to throw ' + what, 'expected #{this} to not throw ' + what);
});

function state(name, test, word) {
  chain(name, function () {
    this.assert(test(this._obj), 'expected #{this} to be ' + word, 'expected #{this} not to be ' + word);
    return this;
  });
}
state('true', function (v) { return v === true; }, 'true');
state('false', function (v) { return v === false; }, 'false');
state('null', function (v) { return v === null; }, 'null');
state('undefined', function (v) { return v === undefined; }, 'undefined');
state('NaN', function (v) { return typeof v === 'number' && v !== v; }, 'NaN');
chain('exist', function () {
  this.assert(this._obj !== null && this._obj !== undefined, 'expected #{this} to exist', 'expected #{this} to not exist');
  return this;
});
chain('empty', function () {
  var v = this._obj;
  var t = typeOf(v);
  var size = t === 'string' || t === 'array' ? v.length : t === 'map' || t === 'set' ? v.size : t === 'object' ? Object.keys(v).length : null;
  if (size === null) throw new TypeError('.empty was passed non-string primitive ' + inspect(v));
  this.assert(size === 0, 'expected #{this} to be empty', 'expected #{this} not to be empty');
  return this;
});
chain('ok', function () {
  if (responseAssertions.isResponse(this._obj)) return responseAssertions.named(this, 200, 'OK');
  this.assert(Boolean(this._obj), 'expected #{this} to be truthy', 'expected #{this} to be falsy');
  return this;
});

function expect(obj, message) {
  return new Assertion(obj, message);
}
expect.fail = function (actual, expected, message) {
  throw new AssertionError(arguments.length < 2 ? String(actual === undefined ? 'expect.fail()' : actual) : message || 'expected ' + objDisplay(actual) + ' to equal ' + objDisplay(expected));
};
