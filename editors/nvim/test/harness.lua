-- A tiny test harness for `nvim --headless -u NONE -l`-less Neovim 0.7:
-- register tests with T.test(name, fn), then T.run() prints one line per
-- test and the closing "N passed, N failed" line, and exits non-zero on any
-- failure.
local T = { tests = {} }

--- opts.fatal: a failure skips the remaining tests (they would only time
--- out one after the other) and counts them as failed.
function T.test(name, fn, opts)
  table.insert(T.tests, { name = name, fn = fn, fatal = opts and opts.fatal })
end

local function show(v)
  return vim.inspect(v, { newline = ' ', indent = '' })
end

function T.eq(got, want, what)
  if not vim.deep_equal(got, want) then
    error(string.format('%s:\n    got  %s\n    want %s', what or 'values differ', show(got), show(want)), 2)
  end
end

function T.ok(cond, what)
  if not cond then
    error(what or 'condition is false', 2)
  end
end

function T.log(msg)
  io.stderr:write(msg .. '\n')
end

--- Waits up to ms for cond() to be true, running the event loop.
function T.wait(ms, cond, what)
  local ok = vim.wait(ms, cond, 20)
  if not ok then
    error(string.format('timed out after %d ms waiting for %s', ms, what), 2)
  end
end

function T.run()
  local passed, failed = 0, 0
  for i, t in ipairs(T.tests) do
    local ok, err = xpcall(t.fn, debug.traceback)
    if ok then
      passed = passed + 1
      T.log('ok   ' .. t.name)
    else
      failed = failed + 1
      T.log('FAIL ' .. t.name .. '\n  ' .. tostring(err):gsub('\n', '\n  '))
      if t.fatal then
        for j = i + 1, #T.tests do
          failed = failed + 1
          T.log('FAIL ' .. T.tests[j].name .. ' (not run: ' .. t.name .. ' failed)')
        end
        break
      end
    end
  end
  T.log(string.format('%d passed, %d failed', passed, failed))
  if failed > 0 then
    vim.cmd('cquit 1')
  else
    vim.cmd('qall!')
  end
end

return T
