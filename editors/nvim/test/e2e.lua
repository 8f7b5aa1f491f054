-- End-to-end test of the plugin against the real `stelp serve`:
--   STELP_BIN=/abs/stelp STELP_E2E_DIR=/tmp/copy-of-fixtures \
--   nvim --headless -u NONE -c 'luafile test/e2e.lua'
-- test/run.sh sets both up. Exits non-zero on any failure.
local here = debug.getinfo(1, 'S').source:sub(2):match('(.*)/test/') or '.'
vim.opt.runtimepath:prepend(here)
package.path = here .. '/test/?.lua;' .. package.path
local T = require('harness')

local bin = os.getenv('STELP_BIN')
local dir = os.getenv('STELP_E2E_DIR')
if not bin or bin == '' or not dir or dir == '' then
  T.log('e2e.lua needs STELP_BIN and STELP_E2E_DIR; use test/run.sh')
  vim.cmd('cquit 2')
end

-- Make :StelpExecute & co. report through a list the test can read.
local messages = {}
vim.notify = function(msg, level)
  table.insert(messages, { msg = msg, level = level })
end

-- Neovim only fires FileType with filetype detection on.
vim.cmd('filetype on')

local stelp = require('stelp')
stelp.setup({ cmd = { bin, 'serve' }, output = 'never', codelens = false })

local TIMEOUT = 30000 -- ms; the first run of a cold worker pool can be slow

local function open(name)
  vim.cmd('edit ' .. vim.fn.fnameescape(dir .. '/' .. name))
  local buf = vim.api.nvim_get_current_buf()
  T.eq(vim.bo[buf].filetype, 'python', 'filetype of ' .. name)
  T.wait(TIMEOUT, function()
    local c = stelp.get_client(buf)
    return c ~= nil and type(c.server_capabilities) == 'table' and next(c.server_capabilities) ~= nil
  end, 'the stelp client to attach to ' .. name)
  return buf
end

local function lines(buf)
  return vim.api.nvim_buf_get_lines(buf, 0, -1, false)
end

local function execute(buf)
  local b = stelp._buffer(buf)
  local before = b and b.last_result
  vim.cmd('StelpExecute')
  T.wait(TIMEOUT, function()
    local now = stelp._buffer(buf)
    return now and now.last_result and now.last_result ~= before
  end, ':StelpExecute to return a result')
  return stelp._buffer(buf).last_result
end

T.test('the server starts and the plugin attaches to a Python buffer', function()
  local buf = open('unsafe.py')
  local c = stelp.get_client(buf)
  T.ok(c.server_capabilities.executeCommandProvider, 'server advertises executeCommandProvider')
  local cmds = c.server_capabilities.executeCommandProvider.commands
  for _, want in ipairs({ 'stelp.check', 'stelp.transpile', 'stelp.execute', 'stelp.fixAll' }) do
    T.ok(vim.tbl_contains(cmds, want), 'server lacks command ' .. want)
  end
end, { fatal = true })

T.test('diagnostics from the server arrive for an unsafe file', function()
  local buf = vim.api.nvim_get_current_buf()
  T.wait(TIMEOUT, function()
    return #vim.diagnostic.get(buf) > 0
  end, 'diagnostics on unsafe.py')
  local found
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == 'SP101' then
      found = d
    end
  end
  T.ok(found, 'no SP101 (eval) diagnostic; got ' .. vim.inspect(vim.diagnostic.get(buf)))
  T.eq(found.source, 'stelp', 'diagnostic source')
  T.eq(found.lnum, 1, 'SP101 line (0-based)')
  T.eq(found.severity, vim.diagnostic.severity.ERROR, 'SP101 severity')
end)

T.test(':StelpExecute on an unsafe file is blocked and draws no trace', function()
  local buf = vim.api.nvim_get_current_buf()
  local r = execute(buf)
  T.eq(r.status, 'blocked', 'status')
  T.ok(messages[#messages].msg:match('^stelp: blocked SP101'), 'message was ' .. messages[#messages].msg)
  T.eq(stelp.trace_marks(buf), {}, 'virtual text on a blocked run')
  T.eq(stelp.status(buf), 'stelp: blocked SP101')
end)

T.test('a quick fix from the server applies: suppress with a reason', function()
  local buf = vim.api.nvim_get_current_buf()
  local client = stelp.get_client(buf)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = 1, character = 0 }, ['end'] = { line = 1, character = 0 } },
    context = { diagnostics = {}, only = { 'quickfix' } },
  }
  local replies = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, TIMEOUT)
  local actions = replies and replies[client.id] and replies[client.id].result or {}
  local suppress
  for _, a in ipairs(actions) do
    if a.title:match('^Suppress SP101') then
      suppress = a
    end
  end
  T.ok(suppress and suppress.edit, 'no "Suppress SP101" action with an edit in ' .. vim.inspect(actions))
  vim.lsp.util.apply_workspace_edit(suppress.edit, client.offset_encoding or 'utf-16')
  T.ok(lines(buf)[2]:match('# stelp: ignore%[SP101%] %S'), 'line 2 after the fix: ' .. lines(buf)[2])
  T.wait(TIMEOUT, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.code == 'SP101' then
        return false
      end
    end
    return true
  end, 'the SP101 diagnostic to go away')
end)

T.test(':StelpExecute after the suppression: the runtime guard still stops eval', function()
  local buf = vim.api.nvim_get_current_buf()
  local r = execute(buf)
  T.eq(r.status, 'violation', 'status')
  T.eq(r.violations[1].kind, 'builtin', 'violation kind')
  T.eq(r.violations[1].line, 2, 'violation line')
  T.wait(TIMEOUT, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.source == 'stelp-run' and d.lnum == 1 then
        return true
      end
    end
    return false
  end, 'a stelp-run diagnostic on line 2; got ' .. vim.inspect(vim.diagnostic.get(buf)))
end)

T.test(':StelpExecute runs a safe file and shows trace values as virtual text', function()
  local buf = open('trace.py')
  local r = execute(buf)
  T.eq(r.status, 'ok', 'status (report: ' .. table.concat(require('stelp.format').report(r, 'run'), ' | ') .. ')')
  T.eq(r.stdout, '6\n', 'stdout')
  local marks = stelp.trace_marks(buf)
  local by_line = {}
  for _, m in ipairs(marks) do
    by_line[m.line] = m.text
  end
  T.eq(by_line[0], 'total = 0', 'virtual text of line 1')
  T.eq(by_line[2], 'total = 6, ×4', 'virtual text of line 3')
  T.ok(by_line[1] and by_line[1]:match('×[45]$'), 'virtual text of line 2 should count 4 or 5 runs, got ' .. tostring(by_line[1]))
  -- The marks are exactly what the result's trace says, nothing stale.
  local want = {}
  for _, l in ipairs(require('stelp.format').trace_lines(r.trace, #lines(buf), 40)) do
    table.insert(want, { line = l.line, text = l.text })
  end
  T.eq(marks, want, 'marks vs result trace')
  T.eq(stelp.status(buf):match('^stelp: ok'), 'stelp: ok', 'status text')
end)

T.test('the stelp/trace notification arrives for the run, with the document version', function()
  local buf = vim.api.nvim_get_current_buf()
  T.wait(TIMEOUT, function()
    local b = stelp._buffer(buf)
    return b and b.last_trace ~= nil
  end, 'a stelp/trace notification')
  local n = stelp._buffer(buf).last_trace
  T.eq(n.uri, vim.uri_from_bufnr(buf), 'notification uri')
  T.eq(n.version, stelp.lsp_version(buf), 'notification version = the version the client sent')
  -- Drawing from the notification alone (as for a code lens run) works too.
  stelp.clear_trace(buf)
  T.eq(stelp.trace_marks(buf), {}, 'marks after clearing')
  stelp.show_trace(buf, n.trace, n.version)
  T.ok(#stelp.trace_marks(buf) > 0, 'marks drawn from the notification')
  -- A trace for an older version is not drawn.
  stelp.show_trace(buf, n.trace, n.version - 1)
  T.eq(stelp.trace_marks(buf), {}, 'marks from a stale version')
  stelp.show_trace(buf, n.trace, n.version)
  T.eq(n.status, 'ok', 'notification status')
  T.eq(n.trace, stelp._buffer(buf).last_result.trace, 'notification trace = result trace')
end)

T.test('editing the buffer removes the stale trace values', function()
  local buf = vim.api.nvim_get_current_buf()
  T.ok(#stelp.trace_marks(buf) > 0, 'marks before the edit')
  vim.api.nvim_buf_set_lines(buf, 0, 1, false, { 'total = 10' })
  T.wait(5000, function()
    return #stelp.trace_marks(buf) == 0
  end, 'marks to be cleared after an edit')
  -- Running again draws values for the new text.
  local r = execute(buf)
  T.eq(r.status, 'ok', 'status after the edit')
  T.eq(r.stdout, '16\n', 'stdout after the edit')
  T.eq(stelp.trace_marks(buf)[1], { line = 0, text = 'total = 10' }, 'first mark after the edit')
end)

T.test(':StelpExecute with a range runs just those lines', function()
  local buf = vim.api.nvim_get_current_buf()
  vim.cmd('4,4StelpExecute')
  T.wait(TIMEOUT, function()
    return stelp._buffer(buf).last_result.stdout ~= '16\n'
  end, 'the range run')
  local r = stelp._buffer(buf).last_result
  -- Line 4 alone is `print(total)`: total is undefined there.
  T.eq(r.status, 'error', 'status of the range run')
  T.eq(r.exception.type, 'NameError', 'exception of the range run')
end)

T.test(':StelpTranspile opens the transpiled program read-only', function()
  local src = vim.api.nvim_get_current_buf()
  vim.cmd('StelpTranspile')
  local name = 'stelp://transpiled/trace.py'
  T.wait(TIMEOUT, function()
    return vim.fn.bufnr(name) ~= -1 and #lines(vim.fn.bufnr(name)) > 1
  end, 'the transpiled buffer')
  local tb = vim.fn.bufnr(name)
  T.eq(vim.bo[tb].modifiable, false, 'transpiled buffer modifiable')
  T.eq(vim.bo[tb].buftype, 'nofile', 'transpiled buffer buftype')
  T.eq(vim.bo[tb].filetype, 'python', 'transpiled buffer filetype')
  local text = table.concat(lines(tb), '\n')
  T.ok(text:find('total', 1, true), 'transpiled code keeps the program: ' .. text)
  T.ok(vim.fn.bufwinid(tb) ~= -1, 'transpiled buffer is shown')
  -- The scratch buffer is not a document: no client attached to it.
  T.eq(stelp.get_client(tb), nil, 'client attached to the transpiled buffer')
  vim.cmd('close')
  T.eq(vim.api.nvim_get_current_buf(), src, 'back in the source')
end)

T.test('code lenses run through the plugin: a function lens and the transpile lens', function()
  local buf = open('lens.py')
  local client = stelp.get_client(buf)
  local lenses
  T.wait(TIMEOUT, function()
    local replies = vim.lsp.buf_request_sync(buf, 'textDocument/codeLens', { textDocument = { uri = vim.uri_from_bufnr(buf) } }, TIMEOUT)
    lenses = replies and replies[client.id] and replies[client.id].result
    return type(lenses) == 'table' and #lenses > 0
  end, 'code lenses on lens.py')
  local fn_lens, file_lens, transpile_lens
  for _, l in ipairs(lenses) do
    local c = l.command or {}
    local a = c.arguments and c.arguments[1] or {}
    if c.command == 'stelp.execute' and a['function'] == 'answer' then
      fn_lens = c
    elseif c.command == 'stelp.execute' and a['function'] == nil then
      file_lens = c
    elseif c.command == 'stelp.transpile' then
      transpile_lens = c
    end
  end
  T.ok(fn_lens and file_lens and transpile_lens, 'lenses: ' .. vim.inspect(lenses))
  -- What vim.lsp.codelens.run() does for a command the client registered.
  local ctx = { bufnr = buf, client_id = client.id }
  vim.lsp.commands[fn_lens.command](fn_lens, ctx)
  T.wait(TIMEOUT, function()
    local b = stelp._buffer(buf)
    return b.last_result ~= nil
  end, 'the function lens run')
  local r = stelp._buffer(buf).last_result
  T.eq(r.status, 'ok', 'status of answer()')
  T.eq(r.stdout, '42\n', 'stdout of answer()')
  T.eq(stelp.status(buf):match('^stelp: ok') ~= nil, true, 'status text')
  T.ok(#stelp.trace_marks(buf) > 0, 'trace values drawn after the lens run')
  T.eq(stelp.trace_marks(buf)[1], { line = 1, text = 'x = 41' }, 'first trace value')
  -- The same through the command: :StelpExecute {function}.
  stelp._buffer(buf).last_result = nil
  vim.cmd('StelpExecute answer')
  T.wait(TIMEOUT, function()
    return stelp._buffer(buf).last_result ~= nil
  end, ':StelpExecute answer')
  T.eq(stelp._buffer(buf).last_result.stdout, '42\n', 'stdout of :StelpExecute answer')
  vim.lsp.commands[transpile_lens.command](transpile_lens, ctx)
  T.wait(TIMEOUT, function()
    return vim.fn.bufnr('stelp://transpiled/lens.py') ~= -1
  end, 'the transpile lens to open the view')
  vim.cmd('close')
end)

T.test(':StelpFixAll applies the safe fixes the server offers', function()
  local buf = open('fixable.py')
  T.wait(TIMEOUT, function()
    return #vim.diagnostic.get(buf) > 0
  end, 'diagnostics on fixable.py')
  local before = lines(buf)
  local done
  stelp.fix_all({ bufnr = buf, on_done = function(r) done = r end })
  T.wait(TIMEOUT, function()
    return done ~= nil
  end, 'stelp.fixAll to answer')
  T.ok(type(done.applied) == 'table' and type(done.remaining) == 'table', 'fixAll result shape: ' .. vim.inspect(done))
  if #done.applied == 0 then
    -- Nothing safe to apply: the buffer must be untouched.
    T.eq(lines(buf), before, 'buffer after a fix-all with nothing to apply')
    T.ok(messages[#messages].msg:match('^no safe fixes'), 'message was ' .. messages[#messages].msg)
    T.log('     (the server offered no safe fix for fixable.py)')
    return
  end
  local want = vim.split(done.text:gsub('\n$', ''), '\n', { plain = true })
  T.eq(lines(buf), want, 'buffer after fix-all = the server\'s fixed text')
  T.ok(messages[#messages].msg:match('^applied %d+ safe fix'), 'message was ' .. messages[#messages].msg)
  -- The fixed finding goes away once the server re-checks the new version.
  local fixed = done.applied[1].rule
  T.wait(TIMEOUT, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.code == fixed then
        return false
      end
    end
    return true
  end, 'the ' .. fixed .. ' diagnostic to go away after the fix')
end)

T.test('where Neovim has inlay hints (0.10+), they are enabled and no virtual text is drawn', function()
  -- This Neovim may be older: stand in for the 0.10 API to check the
  -- plugin's side of it (the server offers inlayHintProvider for real).
  local had = vim.lsp.inlay_hint
  local calls = {}
  vim.lsp.inlay_hint = {
    enable = function(on, filter)
      table.insert(calls, { on = on, bufnr = filter and filter.bufnr })
    end,
  }
  local ok, err = pcall(function()
    vim.fn.writefile({ 'a = 1', 'b = a + 1' }, dir .. '/hints.py')
    local buf = open('hints.py')
    T.wait(TIMEOUT, function()
      return #calls > 0
    end, 'vim.lsp.inlay_hint.enable to be called')
    T.eq(calls[1], { on = true, bufnr = buf }, 'enable call')
    local r = execute(buf)
    T.eq(r.status, 'ok', 'status')
    vim.wait(300)
    T.eq(stelp.trace_marks(buf), {}, 'virtual text while inlay hints show the values')
  end)
  vim.lsp.inlay_hint = had
  if not ok then
    error(err, 0)
  end
end)

T.test('traces = false: a run draws no values', function()
  local buf = open('trace.py')
  stelp.setup({ cmd = { bin, 'serve' }, output = 'never', codelens = false, traces = false })
  local r = execute(buf)
  T.eq(r.status, 'ok', 'status')
  T.ok(#r.trace > 0, 'the server still returns the trace')
  vim.wait(300) -- a stelp/trace notification, if any, would draw by now
  T.eq(stelp.trace_marks(buf), {}, 'marks with traces = false')
  stelp.setup({ cmd = { bin, 'serve' }, output = 'never', codelens = false })
  r = execute(buf)
  T.ok(#stelp.trace_marks(buf) > 0, 'marks again with the default')
end)

T.test('shutdown is clean', function()
  local client = stelp.get_client(vim.api.nvim_get_current_buf())
  local exited
  client.stop()
  T.wait(10000, function()
    exited = client.is_stopped()
    return exited
  end, 'the server to stop')
end)

T.run()
