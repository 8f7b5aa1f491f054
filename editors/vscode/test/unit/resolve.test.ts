import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { resolveServer } from '../../src/resolve';

const env = (existing: string[], platform = 'linux') => ({
  extensionDir: '/ext',
  platform,
  workspaceDir: '/ws',
  isExecutable: (p: string) => existing.includes(p),
});

test('the setting wins when the file exists', () => {
  assert.deepEqual(resolveServer('/opt/stelp', env(['/opt/stelp', '/ext/bin/stelp'])), { command: '/opt/stelp', source: 'setting' });
});

test('a setting pointing nowhere is an error, not a silent fallback', () => {
  assert.throws(() => resolveServer('/opt/missing', env(['/ext/bin/stelp'])), /stelp\.path is set to \/opt\/missing/);
});

test('a relative setting is resolved against the workspace', () => {
  assert.deepEqual(resolveServer('./bin/stelp', env(['/ws/bin/stelp'])), { command: path.resolve('/ws/bin/stelp'), source: 'setting' });
});

test('a bare name is left for PATH lookup', () => {
  assert.deepEqual(resolveServer('stelp-dev', env([])), { command: 'stelp-dev', source: 'setting' });
});

test('bundled binary, then PATH', () => {
  assert.deepEqual(resolveServer('', env(['/ext/bin/stelp'])), { command: '/ext/bin/stelp', source: 'bundled' });
  assert.deepEqual(resolveServer('', env([])), { command: 'stelp', source: 'PATH' });
  assert.deepEqual(resolveServer('', env([], 'win32')), { command: 'stelp.exe', source: 'PATH' });
});
