// Inside the isolate: how values are shown in assertion messages and console lines, after chai 4's
// inspect/objDisplay (what newman prints), so a failure reads the same in both tools.
/* eslint-disable @typescript-eslint/no-unused-vars -- the isolate's files run as one function body: one file defines what another uses */
/* exported inspect, objDisplay, typeOf, deepEqual */

function typeOf(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (v instanceof RegExp) return 'regexp';
  if (v instanceof Date) return 'date';
  if (v instanceof Error) return 'error';
  if (v instanceof Map) return 'map';
  if (v instanceof Set) return 'set';
  if (typeof v === 'object' && typeof v.then === 'function') return 'promise';
  return typeof v;
}

function quoteKey(k) {
  return /^[A-Za-z_$][\w$]*$/.test(k) ? k : inspectString(k);
}

function inspectString(s) {
  return "'" + String(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n') + "'";
}

function inspect(v, depth) {
  var d = depth === undefined ? 2 : depth;
  switch (typeOf(v)) {
    case 'string': return inspectString(v);
    case 'number': return Object.is(v, -0) ? '-0' : String(v);
    case 'bigint': return String(v) + 'n';
    case 'function': return '[Function' + (v.name ? ' ' + v.name : '') + ']';
    case 'regexp': return String(v);
    case 'date': return isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
    case 'error': return v.name + ': ' + v.message;
    case 'symbol': return String(v);
    case 'array':
      if (v.length === 0) return '[]';
      if (d < 0) return '[Array]';
      return '[ ' + v.map(function (x) { return inspect(x, d - 1); }).join(', ') + ' ]';
    case 'map': return 'Map{}';
    case 'set': return 'Set{}';
    case 'object': {
      if (typeof v.__clearanceInspect === 'function') return v.__clearanceInspect();
      var keys = Object.keys(v);
      if (keys.length === 0) return '{}';
      if (d < 0) return '[Object]';
      return '{ ' + keys.map(function (k) { return quoteKey(k) + ': ' + inspect(v[k], d - 1); }).join(', ') + ' }';
    }
    default: return String(v);
  }
}

/** chai's objDisplay: long arrays and objects are summed up ("[ Array(5) ]", "{ Object (a, b, ...) }"). */
function objDisplay(v) {
  var str = inspect(v);
  if (str.length < 40) return str;
  var t = typeOf(v);
  if (t === 'function') return '[Function' + (v.name ? ': ' + v.name : '') + ']';
  if (t === 'array') return '[ Array(' + v.length + ') ]';
  if (t === 'object') {
    var keys = Object.keys(v);
    var shown = keys.length > 2 ? keys.slice(0, 2).join(', ') + ', ...' : keys.join(', ');
    return '{ Object (' + shown + ') }';
  }
  return str;
}

function deepEqual(a, b) {
  if (a === b) return a !== 0 || 1 / a === 1 / b;
  if (typeof a === 'number' && typeof b === 'number') return a !== a && b !== b;
  var ta = typeOf(a);
  if (ta !== typeOf(b)) return false;
  if (ta === 'date') return a.getTime() === b.getTime();
  if (ta === 'regexp') return String(a) === String(b);
  if (ta === 'array') {
    if (a.length !== b.length) return false;
    for (var i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (ta === 'object' || ta === 'error') {
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    var ka = Object.keys(a).sort();
    var kb = Object.keys(b).sort();
    if (!deepEqual(ka, kb)) return false;
    for (var j = 0; j < ka.length; j++) if (!deepEqual(a[ka[j]], b[ka[j]])) return false;
    return true;
  }
  return false;
}
