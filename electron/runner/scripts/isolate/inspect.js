// Inside the isolate: how values are shown in assertion messages and console lines, after chai 4's
// inspect (loupe, cut at 40 characters with "…(n)") and objDisplay, so a failure reads as newman
// prints it (checked message for message against newman 6.2.2 by hand).
/* eslint-disable @typescript-eslint/no-unused-vars -- the isolate's files run as one function body: one file defines what another uses */
/* exported inspect, inspectFull, objDisplay, typeOf, deepEqual */

var ELLIPSIS = '…';
var TRUNCATE = 40;

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

function cut(str, length) {
  var s = String(str);
  if (ELLIPSIS.length > length && s.length > ELLIPSIS.length) return ELLIPSIS;
  return s.length > length && s.length > ELLIPSIS.length ? s.slice(0, length - ELLIPSIS.length) + ELLIPSIS : s;
}

/** loupe's inspectList: items while they fit in `o.truncate`, then "…(n)" for the rest. */
function showList(items, o, one, separator) {
  var sep = separator || ', ';
  var each = one || show;
  if (items.length === 0) return '';
  var budget = o.truncate;
  var output = '';
  var peek = '';
  var rest = '';
  for (var i = 0; i < items.length; i++) {
    var last = i + 1 === items.length;
    var secondToLast = i + 2 === items.length;
    rest = ELLIPSIS + '(' + (items.length - i) + ')';
    o.truncate = budget - output.length - (last ? 0 : sep.length);
    var str = peek || each(items[i], o) + (last ? '' : sep);
    var next = output.length + str.length;
    var withRest = next + rest.length;
    if (last && next > budget && output.length + rest.length <= budget) break;
    if (!last && !secondToLast && withRest > budget) break;
    peek = last ? '' : each(items[i + 1], o) + (secondToLast ? '' : sep);
    if (!last && secondToLast && withRest > budget && next + peek.length > budget) break;
    output += str;
    if (!last && !secondToLast && next + peek.length >= budget) {
      rest = ELLIPSIS + '(' + (items.length - i - 1) + ')';
      break;
    }
    rest = '';
  }
  return output + rest;
}

function keyText(k) {
  return /^[a-zA-Z_][a-zA-Z_0-9]*$/.test(k) ? k : "'" + JSON.stringify(k).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'") + "'";
}

function showProperty(pair, o) {
  o.truncate -= 2;
  var key = typeof pair[0] === 'string' ? keyText(pair[0]) : '[' + show(pair[0], o) + ']';
  o.truncate -= key.length;
  return key + ': ' + show(pair[1], o);
}

function showObject(v, o) {
  var names = Object.getOwnPropertyNames(v);
  if (names.length === 0) return '{}';
  o.truncate -= 4;
  if (o.seen.indexOf(v) >= 0) return '[Circular]';
  o.seen.push(v);
  var inner = showList(names.map(function (k) { return [k, v[k]]; }), o, showProperty);
  o.seen.pop();
  return '{ ' + inner + ' }';
}

var ESCAPES = { '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r', "'": "\\'" };

function show(v, o) {
  switch (typeOf(v)) {
    case 'string': {
      var s = v.replace(/['\u0000-\u001f\u007f-\u009f\u00ad\u0600-\u0604\u070f\u17b4\u17b5\u200c-\u200f\u2028-\u202f\u2060-\u206f\ufeff\ufff0-\uffff]/g, function (c) { return ESCAPES[c] || '\\u' + ('0000' + c.charCodeAt(0).toString(16)).slice(-4); });
      return "'" + cut(s, o.truncate - 2) + "'";
    }
    case 'number':
      if (v !== v) return 'NaN';
      if (v === 0) return 1 / v === Infinity ? '+0' : '-0';
      return Math.abs(v) === Infinity ? String(v) : cut(String(v), o.truncate);
    case 'bigint': return cut(String(v), o.truncate - 1) + 'n';
    case 'function': return v.name ? '[Function ' + cut(v.name, o.truncate - 11) + ']' : '[Function]';
    case 'regexp': return '/' + cut(v.source, o.truncate - 2 - v.flags.length) + '/' + v.flags;
    case 'date': {
      if (isNaN(v.getTime())) return 'Invalid Date';
      var iso = v.toISOString().split('T');
      return iso[0] + 'T' + cut(iso[1], o.truncate - iso[0].length - 1);
    }
    case 'error': {
      o.truncate -= v.name.length;
      return v.name + (v.message ? ': ' + cut(v.message, o.truncate) : '');
    }
    case 'array': {
      if (v.length === 0) return '[]';
      o.truncate -= 4;
      return '[ ' + showList(v, o) + ' ]';
    }
    case 'map': return v.size === 0 ? 'Map{}' : 'Map{ ' + showList(Array.from(v), o, function (p, oo) { return show(p[0], oo) + ' => ' + show(p[1], oo); }) + ' }';
    case 'set': return v.size === 0 ? 'Set{}' : 'Set{ ' + showList(Array.from(v), o) + ' }';
    case 'object': case 'promise': {
      if (typeof v.__clearanceInspect === 'function') return v.__clearanceInspect();
      var proto = Object.getPrototypeOf(v);
      if (proto === Object.prototype || proto === null) return showObject(v, o);
      var name = proto && proto.constructor && proto.constructor.name ? proto.constructor.name : '<Anonymous Class>';
      o.truncate -= name.length;
      return name + showObject(v, o);
    }
    default: return String(v);
  }
}

/** chai's inspect: cut at 40 characters, as in its messages. */
function inspect(v) {
  return show(v, { truncate: TRUNCATE, seen: [] });
}

/** console.log: the whole value. */
function inspectFull(v) {
  return show(v, { truncate: Infinity, seen: [] });
}

/** chai's objDisplay: what is still 40 characters or more after inspect is summed up. */
function objDisplay(v) {
  var str = inspect(v);
  if (str.length < TRUNCATE) return str;
  var t = typeOf(v);
  if (t === 'function') return v.name ? '[Function: ' + v.name + ']' : '[Function]';
  if (t === 'array') return '[ Array(' + v.length + ') ]';
  if (t === 'object' && Object.prototype.toString.call(v) === '[object Object]') {
    var keys = Object.keys(v);
    return '{ Object (' + (keys.length > 2 ? keys.slice(0, 2).join(', ') + ', ...' : keys.join(', ')) + ') }';
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
