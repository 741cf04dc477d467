-- Drives a language server from headless Neovim 0.7 (Debian's; no vim.lsp.start there):
-- records the raw textDocument/publishDiagnostics (vim.diagnostic drops ranges and uses byte
-- columns, LSP uses UTF-16), requests the code actions of one diagnostic, applies one, waits for
-- the server to re-lint, and writes everything as JSON for the node:test side to assert.
-- Input (environment): NIANBAO_NVIM_CMD   JSON array, the server command
--                      NIANBAO_NVIM_OUT   where to write the JSON result
--                      NIANBAO_NVIM_CODE  diagnostic code to act on
--                      NIANBAO_NVIM_LANG  languageId to send (default gov-report)
--                      NIANBAO_NVIM_WAIT_MS  how long to wait for the server (default 15000)
local out_path = os.getenv('NIANBAO_NVIM_OUT')
local wait_ms = tonumber(os.getenv('NIANBAO_NVIM_WAIT_MS') or '') or 15000

local function write_out(tbl)
  local f = assert(io.open(out_path, 'w'))
  f:write(vim.json.encode(tbl))
  f:close()
end

local function wait(ms, what, cond)
  if not vim.wait(ms, cond, 10) then error('timed out waiting for ' .. what) end
end

local function main()
  local cmd = vim.json.decode((assert(os.getenv('NIANBAO_NVIM_CMD'), 'NIANBAO_NVIM_CMD unset')))
  local want_code = assert(os.getenv('NIANBAO_NVIM_CODE'), 'NIANBAO_NVIM_CODE unset')
  local lang = os.getenv('NIANBAO_NVIM_LANG') or 'gov-report'
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)
  local result = { uri = uri, publications = {}, log = {} }

  local function code_of(d)
    if type(d.code) == 'table' then return d.code.value end
    return d.code
  end
  local function latest()
    for i = #result.publications, 1, -1 do
      local p = result.publications[i]
      if p.uri == uri then return p end
    end
  end

  local t0 = vim.loop.hrtime()
  local client_id = vim.lsp.start_client({
    name = 'nianbao',
    cmd = cmd,
    root_dir = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(bufnr), ':p:h'),
    get_language_id = function() return lang end,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(_, params)
        params.ms = (vim.loop.hrtime() - t0) / 1e6
        table.insert(result.publications, params)
      end,
      ['window/logMessage'] = function(_, params) table.insert(result.log, params.message) end,
    },
    on_exit = function(code, signal) result.exit = { code = code, signal = signal } end,
  })
  assert(client_id, 'start_client failed')
  assert(vim.lsp.buf_attach_client(bufnr, client_id), 'buf_attach_client failed')
  local client = vim.lsp.get_client_by_id(client_id)

  local target
  wait(wait_ms, 'diagnostics with code ' .. want_code, function()
    local p = latest()
    if not p then return false end
    for _, d in ipairs(p.diagnostics) do
      if code_of(d) == want_code then target = d return true end
    end
    return false
  end)
  result.target = target
  result.initialized = client.server_capabilities ~= nil

  local resp = client.request_sync('textDocument/codeAction', {
    textDocument = { uri = uri },
    range = target.range,
    context = { diagnostics = { target }, only = { 'quickfix' } },
  }, 10000, bufnr)
  assert(resp and not resp.err, 'codeAction failed: ' .. vim.inspect(resp))
  result.actions = resp.result or {}

  local action
  for _, a in ipairs(result.actions) do
    if a.edit and (a.kind or ''):match('^quickfix') then action = a break end
  end
  assert(action, 'no quick fix with an edit among ' .. #result.actions .. ' actions')
  result.applied = action

  local before = #result.publications
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
  result.lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  -- The edit goes to the server as didChange; it must lint again.
  wait(wait_ms, 'diagnostics after the edit', function() return #result.publications > before and latest() ~= nil end)
  result.after = latest()

  client.stop()
  wait(5000, 'the server to exit', function() return result.exit ~= nil end)
  write_out(result)
end

local ok, err = xpcall(main, debug.traceback)
if not ok then
  pcall(write_out, { error = tostring(err) })
  vim.cmd('cquit 1')
else
  vim.cmd('qall!')
end
