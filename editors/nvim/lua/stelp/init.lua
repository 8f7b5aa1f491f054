-- stelp for Neovim: starts `stelp serve` through vim.lsp for Python buffers
-- and adds :StelpExecute, :StelpFixAll, :StelpTranspile and :StelpOutput.
-- Works on Neovim 0.7 (vim.lsp.start_client, virtual text from the
-- `stelp/trace` notification) and on 0.10+ (inlay hints when the server
-- offers them).
local format = require('stelp.format')

local M = {}

local defaults = {
  cmd = { 'stelp', 'serve' },
  filetypes = { 'python' },
  -- The first folder upwards holding one of these is the workspace root.
  root_markers = { '.stelp.yaml', '.stelp.yml', '.git' },
  -- Forwarded to the server in the .stelp.yaml `limits:` shape, e.g.
  -- { time = '5s', steps = 1000000, memory = '512MB' }.
  limits = {},
  -- 'auto': inlay hints where Neovim has them (0.10+) and the server offers
  -- them, else virtual text; 'virtual_text'; 'inlay_hints'; false: none.
  traces = 'auto',
  trace_hl = 'Comment',
  max_value_len = 40,
  -- When to open the output window after :StelpExecute: 'auto' (the program
  -- printed something or did not end ok), 'always', 'never'.
  output = 'auto',
  -- Refresh code lenses ("Execute safely", "Show transpiled code").
  codelens = true,
  on_attach = nil,
  capabilities = nil,
  init_options = {},
}

M.ns = vim.api.nvim_create_namespace('stelp_trace')

-- All state lives in this table, created by setup(); tests reset it.
local state = nil

local function notify(msg, level)
  vim.notify(msg, level or vim.log.levels.INFO, { title = 'stelp' })
end

local function has_inlay_api()
  return vim.lsp.inlay_hint ~= nil and type(vim.lsp.inlay_hint.enable) == 'function'
end

--- Walks up from dir to the first folder with a root marker; dir itself if none.
local function find_root(dir, markers)
  local cur = dir
  while cur and cur ~= '' do
    for _, m in ipairs(markers) do
      if vim.loop.fs_stat(cur .. '/' .. m) then
        return cur
      end
    end
    local parent = vim.fn.fnamemodify(cur, ':h')
    if parent == cur then
      break
    end
    cur = parent
  end
  return dir
end

--- Whether trace values are drawn as virtual text (rather than inlay hints).
local function use_virtual_text(client)
  local t = state.config.traces
  if t == false or t == 'off' then
    return false
  end
  if t == 'virtual_text' then
    return true
  end
  if t == 'inlay_hints' then
    return false
  end
  local caps = client and client.server_capabilities or {}
  return not (has_inlay_api() and caps.inlayHintProvider)
end

local function buf_state(bufnr)
  local b = state.buffers[bufnr]
  if not b then
    b = {}
    state.buffers[bufnr] = b
  end
  return b
end

--- The document version the LSP client last sent for bufnr. Neovim opens
--- documents at version 0 and then uses changedtick, so the two differ.
function M.lsp_version(bufnr)
  local versions = vim.lsp.util.buf_versions
  local v = versions and versions[bufnr]
  if v == nil then
    v = vim.api.nvim_buf_get_changedtick(bufnr)
  end
  return v
end

--- Draws trace values at line ends. version is the LSP document version
--- the trace belongs to (nil: the current text); a trace for an older
--- version is not drawn, its lines may have moved.
function M.show_trace(bufnr, trace, version)
  if not vim.api.nvim_buf_is_valid(bufnr) then
    return
  end
  vim.api.nvim_buf_clear_namespace(bufnr, M.ns, 0, -1)
  if version and version < M.lsp_version(bufnr) then
    return
  end
  local now = vim.api.nvim_buf_get_changedtick(bufnr)
  local b = buf_state(bufnr)
  b.trace_tick = now
  local lines = format.trace_lines(trace, vim.api.nvim_buf_line_count(bufnr), state.config.max_value_len)
  for _, l in ipairs(lines) do
    vim.api.nvim_buf_set_extmark(bufnr, M.ns, l.line, 0, {
      virt_text = { { '  ' .. l.text, state.config.trace_hl } },
      virt_text_pos = 'eol',
      hl_mode = 'combine',
    })
  end
end

function M.clear_trace(bufnr)
  if vim.api.nvim_buf_is_valid(bufnr) then
    vim.api.nvim_buf_clear_namespace(bufnr, M.ns, 0, -1)
  end
  if state and state.buffers[bufnr] then
    state.buffers[bufnr].trace_tick = nil
  end
end

--- The trace extmarks of a buffer as { {line = 0-based, text = ...} }
--- (what the user sees; used by the tests and handy for scripts).
function M.trace_marks(bufnr)
  local out = {}
  for _, m in ipairs(vim.api.nvim_buf_get_extmarks(bufnr, M.ns, 0, -1, { details = true })) do
    local chunks = m[4] and m[4].virt_text or {}
    local text = {}
    for _, c in ipairs(chunks) do
      table.insert(text, c[1])
    end
    table.insert(out, { line = m[2], text = vim.trim(table.concat(text)) })
  end
  return out
end

local function on_trace(err, result, ctx)
  if err or type(result) ~= 'table' or type(result.uri) ~= 'string' then
    return
  end
  -- Look the buffer up without creating one (uri_to_bufnr would).
  local bufnr = vim.fn.bufnr(vim.uri_to_fname(result.uri))
  if bufnr == -1 or not vim.api.nvim_buf_is_loaded(bufnr) then
    return
  end
  local client = vim.lsp.get_client_by_id(ctx.client_id)
  local b = buf_state(bufnr)
  b.last_trace = result
  if use_virtual_text(client) then
    local version = format.present(result.version) and result.version or nil
    M.show_trace(bufnr, result.trace, version)
  end
end

local function get_client(bufnr)
  -- get_clients is 0.10+; buf_get_clients is the 0.7 spelling.
  local clients = vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = bufnr }) or vim.lsp.buf_get_clients(bufnr)
  for _, c in pairs(clients) do
    if c.name == 'stelp' then
      return c
    end
  end
  return nil
end
M.get_client = get_client

local function require_client(bufnr)
  local c = get_client(bufnr)
  if not c then
    notify('no stelp server is attached to this buffer (is `' .. table.concat(state.config.cmd, ' ') .. '` installed?)', vim.log.levels.ERROR)
  end
  return c
end

--- Sends one stelp command; cb(err, result) runs on the main loop.
function M.command(bufnr, command, arg, cb)
  local client = require_client(bufnr)
  if not client then
    return false
  end
  local params = { command = command, arguments = { arg } }
  local handler = function(err, result)
    cb(err, result, client)
  end
  -- 0.11 made client methods take self (client:request); 0.7 has client.request.
  if vim.fn.has('nvim-0.11') == 1 then
    return client:request('workspace/executeCommand', params, handler, bufnr)
  end
  return client.request('workspace/executeCommand', params, handler, bufnr)
end

local function doc_arg(bufnr)
  return { uri = vim.uri_from_bufnr(bufnr) }
end

--- A read-only scratch buffer called name holding lines (reused if it exists).
local function scratch(name, lines, bufhidden)
  local buf = vim.fn.bufnr(name)
  if buf == -1 then
    buf = vim.api.nvim_create_buf(false, true)
    vim.api.nvim_buf_set_name(buf, name)
    vim.api.nvim_buf_set_option(buf, 'bufhidden', bufhidden)
  end
  vim.api.nvim_buf_set_option(buf, 'modifiable', true)
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines)
  vim.api.nvim_buf_set_option(buf, 'modifiable', false)
  vim.api.nvim_buf_set_option(buf, 'readonly', true)
  return buf
end

local function show_output(lines, focus)
  local buf = scratch('stelp://output', lines, 'hide')
  if vim.fn.bufwinid(buf) == -1 then
    local cur = vim.api.nvim_get_current_win()
    vim.cmd('botright ' .. math.min(#lines + 1, 15) .. 'split')
    vim.api.nvim_win_set_buf(0, buf)
    if not focus then
      vim.api.nvim_set_current_win(cur)
    end
  end
  return buf
end

--- What happens with an execute result, whichever way it was asked for
--- (command or code lens).
local function handle_result(bufnr, result, title, version, draw)
  local b = buf_state(bufnr)
  b.last_result = result
  state.last_result = result
  local lines = format.report(result, title)
  state.last_report = lines
  local level = result.status == 'ok' and vim.log.levels.INFO or vim.log.levels.WARN
  notify(format.status(result), level)
  local printed = format.present(result.stdout) and result.stdout ~= ''
  local mode = state.config.output
  if mode == 'always' or (mode == 'auto' and (printed or result.status ~= 'ok')) then
    show_output(lines, false)
  end
  -- Draw from the result at once (the notification carries the same).
  -- Values of an earlier run go in any case: they are not this run's.
  if draw then
    if use_virtual_text(get_client(bufnr)) then
      M.show_trace(bufnr, result.trace, version)
    else
      M.clear_trace(bufnr)
    end
  end
end

--- :StelpExecute [function]; with a range, runs only those lines.
function M.execute(opts)
  opts = opts or {}
  local bufnr = opts.bufnr or vim.api.nvim_get_current_buf()
  local version = M.lsp_version(bufnr)
  local arg, draw
  if opts.range and opts.range > 0 then
    local lines = vim.api.nvim_buf_get_lines(bufnr, opts.line1 - 1, opts.line2, false)
    arg = { text = table.concat(lines, '\n') .. '\n', path = vim.api.nvim_buf_get_name(bufnr) }
    draw = false
  else
    arg = doc_arg(bufnr)
    draw = true
  end
  if opts.fargs and opts.fargs[1] and opts.fargs[1] ~= '' then
    arg['function'] = opts.fargs[1]
  end
  local title = 'stelp.execute ' .. vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ':~:.')
  return M.command(bufnr, 'stelp.execute', arg, function(err, result)
    if err then
      notify('execute failed: ' .. (err.message or vim.inspect(err)), vim.log.levels.ERROR)
      return
    end
    if type(result) ~= 'table' or type(result.status) ~= 'string' then
      notify('execute returned no result object: ' .. vim.inspect(result), vim.log.levels.ERROR)
      return
    end
    handle_result(bufnr, result, title, version, draw)
    if opts.on_done then
      opts.on_done(result)
    end
  end)
end

--- :StelpFixAll: applies every fix the server marks safe.
function M.fix_all(opts)
  opts = opts or {}
  local bufnr = opts.bufnr or vim.api.nvim_get_current_buf()
  local arg = doc_arg(bufnr)
  -- The plugin applies the edit itself, so it knows whether it did.
  arg.apply = false
  return M.command(bufnr, 'stelp.fixAll', arg, function(err, result, client)
    if err then
      notify('fix all failed: ' .. (err.message or vim.inspect(err)), vim.log.levels.ERROR)
      return
    end
    local applied = format.list(type(result) == 'table' and result.applied or nil)
    local remaining = format.list(type(result) == 'table' and result.remaining or nil)
    if type(result) == 'table' and format.present(result.edit) and #applied > 0 then
      vim.lsp.util.apply_workspace_edit(result.edit, client.offset_encoding or 'utf-16')
      notify(string.format('applied %d safe fix%s; %d finding%s left', #applied, #applied == 1 and '' or 'es', #remaining, #remaining == 1 and '' or 's'))
    else
      notify(string.format('no safe fixes to apply; %d finding%s left', #remaining, #remaining == 1 and '' or 's'))
    end
    if opts.on_done then
      opts.on_done(result)
    end
  end)
end

--- :StelpTranspile: the program as stelp runs it, in a read-only split.
function M.transpile(opts)
  opts = opts or {}
  local bufnr = opts.bufnr or vim.api.nvim_get_current_buf()
  local src_name = vim.api.nvim_buf_get_name(bufnr)
  return M.command(bufnr, 'stelp.transpile', doc_arg(bufnr), function(err, result)
    if err then
      notify('transpile failed: ' .. (err.message or vim.inspect(err)), vim.log.levels.ERROR)
      return
    end
    local code = type(result) == 'string' and result or (type(result) == 'table' and result.code)
    if type(code) ~= 'string' then
      notify('transpile returned no code: ' .. vim.inspect(result), vim.log.levels.ERROR)
      return
    end
    if type(result) == 'table' and format.present(result.error) and result.error ~= '' then
      notify('transpile: ' .. result.error, vim.log.levels.WARN)
    end
    local name = 'stelp://transpiled/' .. vim.fn.fnamemodify(src_name ~= '' and src_name or 'untitled.py', ':t')
    local buf = scratch(name, vim.split((code:gsub('\n$', '')), '\n', { plain = true }), 'wipe')
    vim.api.nvim_buf_set_option(buf, 'filetype', 'python')
    if vim.fn.bufwinid(buf) == -1 then
      vim.cmd('vsplit')
      vim.api.nvim_win_set_buf(0, buf)
    end
    if opts.on_done then
      opts.on_done(buf, result)
    end
  end)
end

--- :StelpOutput: the last run's report.
function M.output()
  if not state.last_report then
    notify('no run yet; use :StelpExecute')
    return
  end
  show_output(state.last_report, true)
end

--- The last run's status for a status line: "stelp: ok 1.2 ms".
function M.status(bufnr)
  if not state then
    return ''
  end
  local b = state.buffers[bufnr or vim.api.nvim_get_current_buf()]
  return format.status(b and b.last_result or nil)
end

local function on_attach(client, bufnr)
  local b = buf_state(bufnr)
  if not b.watching then
    b.watching = true
    -- Trace values belong to the text that ran; after an edit they lie.
    vim.api.nvim_buf_attach(bufnr, false, {
      on_lines = function(_, buf, tick)
        vim.schedule(function()
          local bs = state and state.buffers[buf]
          if bs and bs.trace_tick and bs.trace_tick < tick then
            M.clear_trace(buf)
          end
        end)
      end,
      on_detach = function(_, buf)
        if state then
          state.buffers[buf] = nil
        end
      end,
    })
  end
  local t = state.config.traces
  if (t == 'auto' or t == 'inlay_hints') and has_inlay_api() and client.server_capabilities.inlayHintProvider then
    pcall(vim.lsp.inlay_hint.enable, true, { bufnr = bufnr })
  end
  if state.config.codelens and client.server_capabilities.codeLensProvider and not b.codelens then
    b.codelens = true -- once per buffer, also when a restarted server attaches again
    pcall(vim.lsp.codelens.refresh)
    vim.api.nvim_create_autocmd({ 'BufEnter', 'InsertLeave', 'BufWritePost' }, {
      group = state.group,
      buffer = bufnr,
      callback = function()
        pcall(vim.lsp.codelens.refresh)
      end,
    })
  end
  if state.config.on_attach then
    state.config.on_attach(client, bufnr)
  end
end

local function client_config(root)
  local cfg = state.config
  local init_options = vim.tbl_deep_extend('force', {
    -- Also send `stelp/trace` when the client has inlay hints, so the
    -- plugin can draw virtual text whichever way `traces` is set.
    traceNotifications = true,
    limits = cfg.limits,
    traces = cfg.traces ~= false,
  }, cfg.init_options or {})
  return {
    name = 'stelp',
    cmd = cfg.cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    init_options = init_options,
    settings = { stelp = { limits = cfg.limits, traces = cfg.traces ~= false } },
    capabilities = cfg.capabilities or vim.lsp.protocol.make_client_capabilities(),
    handlers = { ['stelp/trace'] = on_trace },
    on_attach = on_attach,
    on_exit = function(code, signal)
      if code ~= 0 then
        vim.schedule(function()
          notify(string.format('stelp serve exited (code %d, signal %d)', code, signal), vim.log.levels.WARN)
        end)
      end
    end,
  }
end

local function start_or_attach(bufnr)
  if vim.api.nvim_buf_get_option(bufnr, 'buftype') ~= '' then
    return -- scratch buffers (the transpiled view, output) are not documents
  end
  local name = vim.api.nvim_buf_get_name(bufnr)
  local dir = name ~= '' and vim.fn.fnamemodify(name, ':p:h') or vim.loop.cwd()
  local root = find_root(dir, state.config.root_markers)
  if vim.fn.has('nvim-0.11') == 1 then
    -- start_client is deprecated from 0.11; vim.lsp.start reuses the
    -- client of the same name and root and attaches the buffer.
    if not vim.lsp.start(client_config(root), { bufnr = bufnr }) then
      notify('could not start ' .. table.concat(state.config.cmd, ' '), vim.log.levels.ERROR)
    end
    return
  end
  local id = state.clients[root]
  if id and not vim.lsp.get_client_by_id(id) then
    id = nil -- the server exited; start a new one
  end
  if not id then
    id = vim.lsp.start_client(client_config(root))
    if not id then
      notify('could not start ' .. table.concat(state.config.cmd, ' '), vim.log.levels.ERROR)
      return
    end
    state.clients[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
end

-- Code lenses call the server's stelp.execute; route them through the
-- plugin so they show status, output and traces like :StelpExecute.
local function codelens_execute(command, ctx)
  local arg = command.arguments and command.arguments[1] or {}
  local bufnr = ctx.bufnr
  if type(arg.uri) == 'string' then
    bufnr = vim.uri_to_bufnr(arg.uri)
  end
  M.command(bufnr, 'stelp.execute', arg, function(err, result)
    if err then
      notify('execute failed: ' .. (err.message or vim.inspect(err)), vim.log.levels.ERROR)
      return
    end
    if type(result) == 'table' and type(result.status) == 'string' then
      handle_result(bufnr, result, command.title or 'stelp.execute', nil, arg.uri ~= nil)
    end
  end)
end

local function codelens_transpile(_, ctx)
  M.transpile({ bufnr = ctx.bufnr })
end

--- setup{...}: see :help stelp-setup.
function M.setup(opts)
  local config = vim.tbl_deep_extend('force', vim.deepcopy(defaults), opts or {})
  if type(config.cmd) == 'string' then
    config.cmd = { config.cmd }
  end
  if opts and opts.limits then
    config.limits = opts.limits -- replace, not merge
  end
  if state and state.group then
    vim.api.nvim_del_augroup_by_id(state.group)
  end
  state = { config = config, clients = {}, buffers = {} }
  state.group = vim.api.nvim_create_augroup('stelp', { clear = true })

  vim.api.nvim_create_autocmd('FileType', {
    group = state.group,
    pattern = config.filetypes,
    callback = function(ev)
      start_or_attach(ev.buf)
    end,
  })
  -- Buffers already open when setup() runs (setup from a lazy loader).
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(buf) and vim.tbl_contains(config.filetypes, vim.api.nvim_buf_get_option(buf, 'filetype')) then
      start_or_attach(buf)
    end
  end

  vim.lsp.commands['stelp.execute'] = codelens_execute
  vim.lsp.commands['stelp.transpile'] = codelens_transpile

  local cmd = vim.api.nvim_create_user_command
  cmd('StelpExecute', function(o)
    M.execute({ range = o.range, line1 = o.line1, line2 = o.line2, fargs = o.fargs })
  end, { nargs = '?', range = true, desc = 'stelp: execute the buffer (or range, or a function) safely' })
  cmd('StelpFixAll', function()
    M.fix_all()
  end, { desc = 'stelp: apply all safe fixes' })
  cmd('StelpTranspile', function()
    M.transpile()
  end, { desc = 'stelp: show the transpiled program' })
  cmd('StelpOutput', function()
    M.output()
  end, { desc = 'stelp: show the last run report' })
  cmd('StelpClearTrace', function()
    M.clear_trace(vim.api.nvim_get_current_buf())
  end, { desc = 'stelp: remove trace values' })
end

--- For tests: the effective configuration.
function M._config()
  return state and state.config
end

--- For tests and scripts: what the plugin holds for a buffer
--- (last_result, last_trace, trace_tick).
function M._buffer(bufnr)
  return state and state.buffers[bufnr or vim.api.nvim_get_current_buf()]
end

return M
