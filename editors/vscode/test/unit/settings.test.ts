import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readSettings, revealOutput, serverArgs, serverOptions, useDecorations } from '../../src/settings';

const getter = (values: Record<string, unknown>) => (k: string) => values[k];

test('defaults: no limits, traces on, auto style, plain serve', () => {
  const { settings, errors } = readSettings(getter({}));
  assert.deepEqual(errors, []);
  assert.deepEqual(settings.limits, {});
  assert.deepEqual(settings.traces, { enabled: true, style: 'auto' });
  assert.deepEqual(serverArgs(settings), ['serve']);
  assert.deepEqual(serverOptions(settings), { limits: {}, traces: true, traceNotifications: true });
});

test('limits in the .stelp.yaml shape reach the server options', () => {
  const { settings, errors } = readSettings(
    getter({ 'limits.time': '1m30s', 'limits.steps': 5000, 'limits.memory': ' 512 MB ', 'traces.enabled': false }),
  );
  assert.deepEqual(errors, []);
  assert.deepEqual(serverOptions(settings), {
    limits: { time: '1m30s', steps: 5000, memory: '512MB' },
    traces: false,
    traceNotifications: false,
  });
});

test('0 and empty strings mean "use the config", not zero', () => {
  const { settings, errors } = readSettings(getter({ 'limits.time': '', 'limits.steps': 0, 'limits.memory': '  ' }));
  assert.deepEqual(errors, []);
  assert.deepEqual(settings.limits, {});
});

test('bad values are reported and dropped', () => {
  const { settings, errors } = readSettings(
    getter({
      'limits.time': '5 seconds',
      'limits.steps': -3,
      'limits.memory': '512',
      'traces.style': 'sideways',
      serverArgs: 'not-a-list',
      path: 42,
      'output.reveal': 'sometimes',
    }),
  );
  assert.deepEqual(settings.limits, {});
  assert.equal(settings.traces.style, 'auto');
  assert.deepEqual(settings.serverArgs, []);
  assert.equal(settings.path, '');
  assert.deepEqual(
    errors.map((e) => e.key).sort(),
    ['limits.memory', 'limits.steps', 'limits.time', 'output.reveal', 'path', 'serverArgs', 'traces.style'],
  );
  assert.match(errors.find((e) => e.key === 'limits.time')!.message, /not a duration/);
});

test('a zero duration is refused like the config refuses it', () => {
  const { errors } = readSettings(getter({ 'limits.time': '0s' }));
  assert.equal(errors.length, 1);
});

test('fractional and non-integer steps are refused', () => {
  assert.equal(readSettings(getter({ 'limits.steps': 1.5 })).errors.length, 1);
  assert.equal(readSettings(getter({ 'limits.steps': '100' })).errors.length, 1);
});

test('serverArgs follow serve', () => {
  const { settings } = readSettings(getter({ serverArgs: ['--listen', '127.0.0.1:7777'] }));
  assert.deepEqual(serverArgs(settings), ['serve', '--listen', '127.0.0.1:7777']);
});

test('decorations: only when traces are on and inlay hints are not used', () => {
  const s = (style: string, enabled = true) => readSettings(getter({ 'traces.style': style, 'traces.enabled': enabled })).settings;
  assert.equal(useDecorations(s('auto'), true), false);
  assert.equal(useDecorations(s('auto'), false), true);
  assert.equal(useDecorations(s('decorations'), true), true);
  assert.equal(useDecorations(s('inlayHints'), false), false);
  assert.equal(useDecorations(s('decorations', false), false), false);
});

test('output reveal: auto shows printed output and every non-ok run', () => {
  assert.equal(readSettings(getter({})).settings.revealOutput, 'auto');
  assert.equal(readSettings(getter({ 'output.reveal': 'never' })).settings.revealOutput, 'never');
  assert.equal(revealOutput('auto', { status: 'ok', stdout: '' }), false);
  assert.equal(revealOutput('auto', { status: 'ok', stdout: '6\n' }), true);
  assert.equal(revealOutput('auto', { status: 'blocked', stdout: '' }), true);
  assert.equal(revealOutput('never', { status: 'error', stdout: 'x' }), false);
  assert.equal(revealOutput('always', { status: 'ok', stdout: '' }), true);
});
