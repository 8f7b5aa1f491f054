-- Unit tests of the pure formatting module: nvim --headless -u NONE -c 'luafile test/unit.lua'
local here = debug.getinfo(1, 'S').source:sub(2):match('(.*)/test/') or '.'
vim.opt.runtimepath:prepend(here)
package.path = here .. '/test/?.lua;' .. package.path
local T = require('harness')
local globals_before = vim.tbl_keys(_G)
local f = require('stelp.format')
require('stelp')
local leaked = {}
for _, k in ipairs(vim.tbl_keys(_G)) do
  if not vim.tbl_contains(globals_before, k) then
    table.insert(leaked, k)
  end
end

T.test('the modules set no globals', function()
  T.eq(leaked, {}, 'globals set by loading stelp')
end)

T.test('durations', function()
  T.eq(f.duration(0.42), '0.4 ms')
  T.eq(f.duration(12.4), '12 ms')
  T.eq(f.duration(1340), '1.3 s')
  T.eq(f.duration(0 / 0), '')
  T.eq(f.duration(nil), '')
end)

T.test('status of each outcome', function()
  T.eq(f.status(nil), 'stelp')
  T.eq(f.status({ status = 'ok', usage = { wall_ms = 2.25 } }), 'stelp: ok 2.3 ms')
  T.eq(f.status({ status = 'error', exception = { type = 'ValueError', message = 'x', line = 4 } }), 'stelp: error ValueError line 4')
  T.eq(f.status({ status = 'error', exception = vim.NIL }), 'stelp: error')
  T.eq(
    f.status({
      status = 'blocked',
      findings = {
        { rule = 'SP204', severity = 'warning', message = 'w', line = 1 },
        { rule = 'SP101', severity = 'error', message = 'eval', line = 2 },
        { rule = 'SP102', severity = 'error', message = 'exec', line = 3 },
      },
    }),
    'stelp: blocked SP101 +1'
  )
  T.eq(f.status({ status = 'violation', violations = { { kind = 'import', detail = 'socket', line = 1 } } }), 'stelp: violation import line 1')
  T.eq(f.status({ status = 'limit', limit = { kind = 'time', detail = '5s' } }), 'stelp: limit time')
  T.eq(f.status({ status = 'limit', limit = vim.NIL }), 'stelp: limit')
end)

T.test('report lists everything', function()
  local lines = f.report({
    status = 'error',
    stdout = 'a\nb\n',
    stderr = '',
    exception = { type = 'ZeroDivisionError', message = 'division by zero', line = 3 },
    findings = vim.NIL,
    violations = { { kind = 'file', detail = 'open /etc/passwd', line = 2 } },
    limit = vim.NIL,
    usage = { wall_ms = 3, steps = 10, peak_kb = 100 },
    feedback = 'Guard the division.',
  }, 'stelp.execute a.py')
  T.eq(lines, {
    'stelp.execute a.py: error (ZeroDivisionError line 3)',
    '  violation file line 2: open /etc/passwd',
    '  exception ZeroDivisionError line 3: division by zero',
    '  stdout:',
    '    a',
    '    b',
    '  usage: 3.0 ms, 10 steps, 100 KB peak',
    '  feedback:',
    '    Guard the division.',
  })
end)

T.test('trace text: sorted values, counts, character-wise truncation', function()
  T.eq(f.trace_text({ line = 1, count = 1, values = { y = "'a'", x = '1' } }), "x = 1, y = 'a'")
  T.eq(f.trace_text({ line = 1, count = 3, values = { i = '2' } }), 'i = 2, ×3')
  T.eq(f.trace_text({ line = 1, count = 5, values = vim.NIL }), '×5')
  T.eq(f.trace_text({ line = 1, count = 1, values = {} }), '')
  T.eq(f.trace_text({ line = 1, count = 1, values = { s = string.rep('é', 50) } }, 10), 's = ' .. string.rep('é', 9) .. '…')
  T.eq(f.truncate('abc', 3), 'abc')
end)

T.test('trace lines: 0-based, sorted, merged, stale lines dropped', function()
  T.eq(
    f.trace_lines({
      { line = 3, count = 1, values = { b = '2' } },
      { line = 1, count = 1, values = { a = '1' } },
      { line = 3, count = 2, values = {} },
      { line = 2, count = 1, values = {} },
      { line = 9, count = 1, values = { gone = '0' } },
      { line = 0, count = 1, values = { bad = '0' } },
    }, 4),
    { { line = 0, text = 'a = 1' }, { line = 2, text = 'b = 2; ×2' } }
  )
  T.eq(f.trace_lines(vim.NIL, 10), {})
end)

T.test('the plugin loads and setup defines the commands', function()
  local stelp = require('stelp')
  stelp.setup({ cmd = { '/nonexistent/stelp', 'serve' }, limits = { time = '2s' } })
  for _, c in ipairs({ 'StelpExecute', 'StelpFixAll', 'StelpTranspile', 'StelpOutput', 'StelpClearTrace' }) do
    T.ok(vim.fn.exists(':' .. c) == 2, c .. ' is not defined')
  end
  T.eq(stelp._config().limits, { time = '2s' })
  T.eq(stelp._config().traces, 'auto')
  T.eq(stelp.status(), 'stelp')
end)

T.test('a server that cannot start is reported, not silent', function()
  local messages = {}
  local orig = vim.notify
  vim.notify = function(msg, level)
    table.insert(messages, { msg = msg, level = level })
  end
  local stelp = require('stelp')
  stelp.setup({ cmd = { 'false' } })
  local dir = vim.fn.tempname()
  vim.fn.mkdir(dir, 'p')
  vim.cmd('filetype on')
  vim.cmd('edit ' .. dir .. '/x.py')
  T.wait(10000, function()
    for _, m in ipairs(messages) do
      if m.msg:match('stelp serve exited %(code 1') then
        return true
      end
    end
    return false
  end, 'an "exited" message; got ' .. vim.inspect(messages))
  -- A command without a server says so instead of failing obscurely.
  T.wait(5000, function()
    return stelp.get_client(0) == nil
  end, 'the dead client to go away')
  vim.cmd('StelpExecute')
  T.ok(messages[#messages].msg:match('no stelp server is attached'), 'message was ' .. messages[#messages].msg)
  T.eq(messages[#messages].level, vim.log.levels.ERROR, 'level')
  vim.notify = orig
  vim.cmd('bwipeout!')
  vim.fn.delete(dir, 'rf')
end)

T.test('the help file has the documented tags and :helptags accepts it', function()
  local tmp = vim.fn.tempname()
  vim.fn.mkdir(tmp .. '/doc', 'p')
  vim.fn.writefile(vim.fn.readfile(here .. '/doc/stelp.txt'), tmp .. '/doc/stelp.txt')
  vim.cmd('helptags ' .. vim.fn.fnameescape(tmp .. '/doc'))
  local tags = {}
  for _, l in ipairs(vim.fn.readfile(tmp .. '/doc/tags')) do
    tags[l:match('^(%S+)')] = true
  end
  for _, want in ipairs({ 'stelp', 'stelp-setup', 'stelp-commands', ':StelpExecute', ':StelpFixAll', ':StelpTranspile', 'stelp-traces', 'stelp.status()' }) do
    T.ok(tags[want], 'help tag ' .. want .. ' missing')
  end
  vim.fn.delete(tmp, 'rf')
end)

T.run()
