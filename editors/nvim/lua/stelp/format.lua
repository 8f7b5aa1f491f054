-- How results look: status text, the output report, and the text shown at
-- line ends for traces. Pure Lua (no editor API), so test/unit.lua can check
-- it line by line. Mirrors editors/vscode/src/format.ts.
local M = {}

--- JSON null arrives as vim.NIL (userdata) or nil depending on where it
--- sits; both mean "absent".
local function present(x)
  return x ~= nil and type(x) ~= 'userdata'
end
M.present = present

local function list(x)
  if present(x) and type(x) == 'table' then
    return x
  end
  return {}
end
M.list = list

--- Milliseconds as a short human figure: 0.4 ms, 12 ms, 1.3 s.
function M.duration(ms)
  if type(ms) ~= 'number' or ms ~= ms or ms < 0 then
    return ''
  end
  if ms < 10 then
    return string.format('%.1f ms', ms)
  elseif ms < 1000 then
    return string.format('%d ms', math.floor(ms + 0.5))
  end
  return string.format('%.1f s', ms / 1000)
end

--- Why a run ended the way it did, in a few words.
function M.reason(r)
  local s = r.status
  if s == 'ok' then
    return M.duration(present(r.usage) and r.usage.wall_ms or nil)
  elseif s == 'error' then
    local e = r.exception
    if not present(e) then
      return ''
    end
    if present(e.line) and e.line ~= 0 then
      return string.format('%s line %d', e.type, e.line)
    end
    return tostring(e.type)
  elseif s == 'blocked' then
    local errs, first = {}, nil
    for _, f in ipairs(list(r.findings)) do
      first = first or f
      if f.severity == 'error' then
        table.insert(errs, f)
      end
    end
    local top = errs[1] or first
    if not top then
      return ''
    end
    if #errs > 1 then
      return string.format('%s +%d', top.rule, #errs - 1)
    end
    return top.rule
  elseif s == 'violation' then
    local v = list(r.violations)[1]
    if not v then
      return ''
    end
    if present(v.line) and v.line ~= 0 then
      return string.format('%s line %d', v.kind, v.line)
    end
    return v.kind
  elseif s == 'limit' then
    return present(r.limit) and r.limit.kind or ''
  end
  return ''
end

--- One line for the status line or a message: "stelp: ok 1.2 ms".
function M.status(r)
  if not r then
    return 'stelp'
  end
  local why = M.reason(r)
  if why == '' then
    return 'stelp: ' .. r.status
  end
  return 'stelp: ' .. r.status .. ' ' .. why
end

local function extend(dst, src)
  for _, v in ipairs(src) do
    table.insert(dst, v)
  end
  return dst
end

local function indent(s)
  local out = {}
  s = s:gsub('\n$', '')
  for line in (s .. '\n'):gmatch('(.-)\n') do
    table.insert(out, '    ' .. line)
  end
  return out
end

--- The full report of one run, as lines.
function M.report(r, title)
  local out = {}
  local why = M.reason(r)
  table.insert(out, string.format('%s: %s%s', title, r.status, why ~= '' and (' (' .. why .. ')') or ''))
  for _, f in ipairs(list(r.findings)) do
    table.insert(out, string.format('  %s %s %s line %d: %s', f.severity, f.rule, f.name or '', f.line or 0, f.message))
  end
  for _, v in ipairs(list(r.violations)) do
    table.insert(out, string.format('  violation %s line %d: %s', v.kind, v.line or 0, v.detail))
  end
  if present(r.limit) then
    table.insert(out, string.format('  limit %s: %s', r.limit.kind, r.limit.detail))
  end
  if present(r.exception) then
    local e = r.exception
    table.insert(out, string.format('  exception %s line %d: %s', e.type, e.line or 0, e.message))
  end
  for _, stream in ipairs({ 'stdout', 'stderr' }) do
    local text = r[stream]
    if present(text) and text ~= '' then
      table.insert(out, '  ' .. stream .. ':')
      extend(out, indent(text))
    end
  end
  if r.status ~= 'blocked' and present(r.usage) then
    local u = r.usage
    table.insert(out, string.format('  usage: %s, %d steps, %d KB peak', M.duration(u.wall_ms), u.steps or 0, u.peak_kb or 0))
  end
  if present(r.feedback) and r.feedback ~= '' then
    table.insert(out, '  feedback:')
    extend(out, indent(r.feedback))
  end
  return out
end

--- Shortens s to at most max characters (not bytes), marking the cut.
function M.truncate(s, max)
  local chars = {}
  for ch in s:gmatch('[%z\1-\127\194-\244][\128-\191]*') do
    table.insert(chars, ch)
  end
  if max <= 1 or #chars <= max then
    return s
  end
  return table.concat(chars, '', 1, max - 1) .. '…'
end

--- The text after one traced line: `total = 6, i = 2` and `×3` for a line
--- that ran more than once; '' when there is nothing worth showing.
function M.trace_text(t, max_value)
  max_value = max_value or 40
  local names = {}
  if present(t.values) then
    for k in pairs(t.values) do
      table.insert(names, k)
    end
  end
  -- Lua tables have no order; the server's JSON object is sorted by name.
  table.sort(names)
  local parts = {}
  for _, k in ipairs(names) do
    local v = t.values[k]
    if type(v) ~= 'string' then
      v = tostring(v)
    end
    table.insert(parts, k .. ' = ' .. M.truncate(v, max_value))
  end
  if present(t.count) and t.count > 1 then
    table.insert(parts, '×' .. t.count)
  end
  return table.concat(parts, ', ')
end

--- Trace entries → { {line = 0-based, text = ...}, ... } sorted by line.
--- Lines outside the buffer (a stale trace) are dropped; entries for one
--- line are joined.
function M.trace_lines(trace, line_count, max_value)
  local by_line, order = {}, {}
  for _, t in ipairs(list(trace)) do
    local line = (t.line or 0) - 1
    if line >= 0 and line < line_count then
      local text = M.trace_text(t, max_value)
      if text ~= '' then
        if not by_line[line] then
          by_line[line] = {}
          table.insert(order, line)
        end
        table.insert(by_line[line], text)
      end
    end
  end
  table.sort(order)
  local out = {}
  for _, line in ipairs(order) do
    table.insert(out, { line = line, text = table.concat(by_line[line], '; ') })
  end
  return out
end

return M
