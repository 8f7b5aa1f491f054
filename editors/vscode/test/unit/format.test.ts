import assert from 'node:assert/strict';
import { test } from 'node:test';
import { duration, formatResult, reason, statusView, traceLines, traceText, truncate } from '../../src/format';
import { ExecResult, parseResult } from '../../src/protocol';

const result = (over: Partial<ExecResult> & { status: ExecResult['status'] }): ExecResult => parseResult({ ...over });

test('durations', () => {
  assert.equal(duration(0.42), '0.4 ms');
  assert.equal(duration(12.4), '12 ms');
  assert.equal(duration(1340), '1.3 s');
  assert.equal(duration(NaN), '');
});

test('status bar: idle, running, and each status with its reason', () => {
  assert.equal(statusView({ running: false }).text, '$(shield) stelp');
  assert.equal(statusView({ running: true }).text, '$(sync~spin) stelp: running');
  const ok = result({ status: 'ok', usage: { wall_ms: 2.25, steps: 1, peak_kb: 1 } });
  assert.equal(statusView({ running: false, result: ok }).text, '$(pass) stelp: ok 2.3 ms');
  const err = result({ status: 'error', exception: { type: 'ValueError', message: 'bad', line: 4 } });
  assert.equal(statusView({ running: false, result: err }).text, '$(error) stelp: error ValueError line 4');
  const blocked = result({
    status: 'blocked',
    findings: [
      { rule: 'SP201', severity: 'warning', message: 'w', line: 1 },
      { rule: 'SP101', severity: 'error', message: 'eval', line: 2 },
      { rule: 'SP102', severity: 'error', message: 'exec', line: 3 },
    ],
  });
  assert.equal(statusView({ running: false, result: blocked }).text, '$(shield) stelp: blocked SP101 +1');
  const viol = result({ status: 'violation', violations: [{ kind: 'import', detail: 'socket', line: 1 }] });
  assert.equal(statusView({ running: false, result: viol }).text, '$(alert) stelp: violation import line 1');
  const lim = result({ status: 'limit', limit: { kind: 'time', detail: '5s' } });
  assert.equal(statusView({ running: false, result: lim }).text, '$(watch) stelp: limit time');
});

test('status tooltip carries the feedback and the file', () => {
  const r = result({ status: 'limit', limit: { kind: 'steps', detail: 'x' } });
  r.feedback = 'The loop never ends.';
  const v = statusView({ running: false, result: r, file: 'a.py' });
  assert.match(v.tooltip, /Last run of a\.py: limit \(steps\)/);
  assert.match(v.tooltip, /The loop never ends\./);
});

test('a blocked run with no findings still has a reason-free text', () => {
  assert.equal(reason(result({ status: 'blocked' })), '');
});

test('output report lists everything the result says', () => {
  const r = result({
    status: 'error',
    stdout: 'a\nb\n',
    stderr: 'warn',
    exception: { type: 'ZeroDivisionError', message: 'division by zero', line: 3 },
    violations: [{ kind: 'file', detail: 'open /etc/passwd', line: 2 }],
    usage: { wall_ms: 3, steps: 10, peak_kb: 100 },
  });
  r.feedback = 'Guard the division.';
  const text = formatResult(r, 'stelp.execute a.py');
  assert.equal(
    text,
    [
      '── stelp.execute a.py: error (ZeroDivisionError line 3)',
      '  violation file line 2: open /etc/passwd',
      '  exception ZeroDivisionError line 3: division by zero',
      '  stdout:',
      '    a',
      '    b',
      '  stderr:',
      '    warn',
      '  usage: 3.0 ms, 10 steps, 100 KB peak',
      '  feedback:',
      '    Guard the division.',
    ].join('\n'),
  );
});

test('trace text: values, counts, truncation', () => {
  assert.equal(traceText({ line: 1, count: 1, values: { x: '1', y: "'a'" } }), "x = 1, y = 'a'");
  assert.equal(traceText({ line: 1, count: 3, values: { i: '2' } }), 'i = 2, ×3');
  assert.equal(traceText({ line: 1, count: 5, values: {} }), '×5');
  assert.equal(traceText({ line: 1, count: 1, values: {} }), '');
  assert.equal(traceText({ line: 1, count: 1, values: { s: 'x'.repeat(100) } }, 10), `s = ${'x'.repeat(9)}…`);
  assert.equal(truncate('abc', 3), 'abc');
});

test('trace lines: 0-based, in order, merged, stale lines dropped', () => {
  const lines = traceLines(
    [
      { line: 3, count: 1, values: { b: '2' } },
      { line: 1, count: 1, values: { a: '1' } },
      { line: 3, count: 2, values: {} },
      { line: 2, count: 1, values: {} },
      { line: 9, count: 1, values: { gone: '0' } },
      { line: 0, count: 1, values: { bad: '0' } },
    ],
    4,
  );
  assert.deepEqual(lines, [
    { line: 0, text: 'a = 1' },
    { line: 2, text: 'b = 2; ×2' },
  ]);
});
