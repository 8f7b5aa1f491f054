import assert from 'node:assert/strict';
import { test } from 'node:test';
import { documentArg, parseResult, parseTraceNotification, parseTranspile, selectionArg } from '../../src/protocol';

const ok = {
  status: 'ok',
  stdout: '6\n',
  stderr: '',
  exception: null,
  findings: [],
  violations: [],
  limit: null,
  trace: [{ line: 2, count: 3, values: { total: '6' } }],
  usage: { wall_ms: 1.5, steps: 40, peak_kb: 5120 },
  feedback: 'The program ran to completion.',
};

test('parseResult keeps a contract result as it is', () => {
  const r = parseResult(ok);
  assert.equal(r.status, 'ok');
  assert.equal(r.stdout, '6\n');
  assert.deepEqual(r.trace, [{ line: 2, count: 3, values: { total: '6' } }]);
  assert.equal(r.usage.steps, 40);
  assert.equal(r.feedback, 'The program ran to completion.');
});

test('parseResult fills absent lists (Go encodes empty slices as null)', () => {
  const r = parseResult({ status: 'blocked', findings: null, violations: null, trace: null });
  assert.deepEqual(r.findings, []);
  assert.deepEqual(r.violations, []);
  assert.deepEqual(r.trace, []);
  assert.equal(r.exception, null);
  assert.deepEqual(r.usage, { wall_ms: 0, steps: 0, peak_kb: 0 });
});

test('parseResult refuses off-contract replies with a clear message', () => {
  assert.throws(() => parseResult(null), /returned null/);
  assert.throws(() => parseResult('ok'), /returned string/);
  assert.throws(() => parseResult({ status: 'fine' }), /status "fine"/);
  assert.throws(() => parseResult({ status: 'ok', trace: {} }), /trace is not a list/);
  assert.throws(() => parseResult({ status: 'ok', trace: [{ count: 1 }] }), /trace\[0\] has no whole-number line/);
  assert.throws(() => parseResult({ status: 'ok', findings: 'x' }), /findings is not a list/);
});

test('trace values that are not strings are shown as JSON', () => {
  const r = parseResult({ status: 'ok', trace: [{ line: 1, count: 1, values: { n: 3 } }] });
  assert.deepEqual(r.trace[0].values, { n: '3' });
});

test('stelp/trace notifications', () => {
  const n = parseTraceNotification({ uri: 'file:///a.py', version: 4, trace: [{ line: 1, count: 1, values: {} }], status: 'ok' });
  assert.equal(n.uri, 'file:///a.py');
  assert.equal(n.version, 4);
  assert.equal(n.status, 'ok');
  assert.equal(parseTraceNotification({ uri: 'file:///a.py', trace: [] }).version, null);
  assert.equal(parseTraceNotification({ uri: 'file:///a.py', trace: [], status: 'odd' }).status, undefined);
  assert.throws(() => parseTraceNotification({ trace: [] }), /no uri/);
});

test('parseTranspile: the server object, a plain string, errors', () => {
  assert.deepEqual(parseTranspile('x = 1\n'), { code: 'x = 1\n' });
  assert.deepEqual(parseTranspile({ path: 'a.py', code: 'y = 2\n', feedback: 'f' }), { code: 'y = 2\n', error: undefined, feedback: 'f' });
  assert.deepEqual(parseTranspile({ code: '', error: 'line 1: syntax: bad', feedback: 'f' }), {
    code: '',
    error: 'line 1: syntax: bad',
    feedback: 'f',
  });
  assert.equal(parseTranspile({ code: 'z\n', error: '' }).error, undefined);
  assert.throws(() => parseTranspile({ status: 'blocked' }), /holds no code/);
  assert.throws(() => parseTranspile(null), /holds no code/);
});

test('command arguments: uri for Python documents, text otherwise', () => {
  assert.deepEqual(documentArg({ uri: 'file:///w/a.py', languageId: 'python', text: 'x', path: '/w/a.py' }), { uri: 'file:///w/a.py' });
  assert.deepEqual(documentArg({ uri: 'untitled:1', languageId: 'python', text: 'x' }), { uri: 'untitled:1' });
  assert.deepEqual(documentArg({ uri: 'file:///w/a.md', languageId: 'markdown', text: 'x = 1', path: '/w/a.md' }), {
    text: 'x = 1',
    path: '/w/a.md',
  });
  assert.deepEqual(documentArg({ uri: 'output:1', languageId: 'log', text: 'x = 1' }), { text: 'x = 1' });
  assert.deepEqual(selectionArg('print(1)', '/w/a.py'), { text: 'print(1)', path: '/w/a.py' });
  assert.deepEqual(selectionArg('print(1)'), { text: 'print(1)' });
});
