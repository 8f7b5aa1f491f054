import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixAllMessage, fixAllOutcome, StelpSession, TraceStore } from '../../src/session';

test('StelpSession sends one workspace/executeCommand with one argument object', async () => {
  const sent: { method: string; params: unknown }[] = [];
  const replies: Record<string, unknown> = {
    'stelp.execute': { status: 'ok', trace: [{ line: 1, count: 1, values: { x: '1' } }] },
    'stelp.transpile': { code: 'x = 1\n' },
  };
  const s = new StelpSession({
    sendRequest: async (method, params) => {
      sent.push({ method, params });
      return replies[(params as { command: string }).command];
    },
  });
  const r = await s.execute({ text: 'x = 1\n' });
  assert.equal(r.status, 'ok');
  assert.equal((await s.transpile({ uri: 'file:///a.py' })).code, 'x = 1\n');
  assert.deepEqual(sent, [
    { method: 'workspace/executeCommand', params: { command: 'stelp.execute', arguments: [{ text: 'x = 1\n' }] } },
    { method: 'workspace/executeCommand', params: { command: 'stelp.transpile', arguments: [{ uri: 'file:///a.py' }] } },
  ]);
});

test('StelpSession surfaces a bad reply as an error', async () => {
  const s = new StelpSession({ sendRequest: async () => ({ nonsense: true }) });
  await assert.rejects(s.execute({ text: '' }), /status undefined/);
});

test('TraceStore keeps the newest version per document and drops on edit', () => {
  const t = new TraceStore();
  const tr = (v: number) => [{ line: v, count: 1, values: {} }];
  assert.equal(t.set({ uri: 'a', version: 2, trace: tr(2) }), true);
  assert.equal(t.set({ uri: 'a', version: 1, trace: tr(1) }), false);
  assert.deepEqual(t.get('a'), tr(2));
  assert.equal(t.set({ uri: 'a', version: 3, trace: tr(3) }), true);
  assert.deepEqual(t.get('a'), tr(3));
  assert.equal(t.set({ uri: 'a', version: null, trace: tr(4) }), true);
  assert.deepEqual(t.get('b'), []);
  assert.equal(t.drop('a'), true);
  assert.equal(t.drop('a'), false);
  assert.deepEqual(t.get('a'), []);
});

test('fixAll replies: edit, text, nothing, nonsense', () => {
  const edit = { changes: { 'file:///a.py': [{ range: {}, newText: 'x' }] } };
  assert.deepEqual(fixAllOutcome(edit), { kind: 'edit', edit });
  assert.deepEqual(fixAllOutcome({ edit }), { kind: 'edit', edit });
  assert.deepEqual(fixAllOutcome({ documentChanges: [] }), { kind: 'edit', edit: { documentChanges: [] } });
  assert.deepEqual(fixAllOutcome('fixed\n'), { kind: 'text', text: 'fixed\n' });
  assert.deepEqual(fixAllOutcome({ text: 'fixed\n', applied: 2 }), { kind: 'text', text: 'fixed\n' });
  assert.deepEqual(fixAllOutcome(null), { kind: 'none' });
  assert.deepEqual(fixAllOutcome({ applied: 0 }), { kind: 'none' });
  assert.throws(() => fixAllOutcome([1, 2]), /neither an edit nor fixed text/);
});

test('fixAll messages', () => {
  assert.equal(fixAllMessage({ applied: [{}, {}], remaining: [{}] }, true), 'stelp: applied 2 safe fixes; 1 finding left');
  assert.equal(fixAllMessage({ applied: [{}], remaining: [] }, true), 'stelp: applied 1 safe fix; 0 findings left');
  assert.equal(fixAllMessage({ applied: [], remaining: [{}, {}] }, false), 'stelp: no safe fixes to apply; 2 findings left');
  assert.equal(fixAllMessage(null, false), 'stelp: no safe fixes to apply');
  assert.equal(fixAllMessage({ changes: {} }, true), 'stelp: safe fixes applied');
});
