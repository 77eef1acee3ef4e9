-- Runs after the README's lines (see neovim.test.ts): waits for Verbatim's diagnostics on the
-- draft Neovim opened, asks the server for a hover on the first one, writes what it saw as
-- JSON to $VERBATIM_NVIM_OUT and quits.
local out = os.getenv('VERBATIM_NVIM_OUT')
local expected = tonumber(os.getenv('VERBATIM_NVIM_EXPECT') or '1')

local function collect()
  local buf = vim.api.nvim_get_current_buf()
  local t0 = vim.loop.hrtime()
  local ok = vim.wait(90000, function()
    return #vim.diagnostic.get(buf) >= expected
  end, 50)
  vim.wait(500) -- let a late publish land
  local v = vim.version()
  local result = {
    nvim = string.format('%d.%d.%d', v.major, v.minor, v.patch),
    filetype = vim.bo[buf].filetype,
    waited_ok = ok,
    ms = math.floor((vim.loop.hrtime() - t0) / 1e6),
    clients = {},
    diagnostics = {},
  }
  local get_clients = vim.lsp.get_clients or vim.lsp.get_active_clients
  for _, c in pairs(get_clients()) do
    table.insert(result.clients, { name = c.name, root_dir = c.config.root_dir, attached = vim.lsp.buf_is_attached(buf, c.id) })
  end
  local diagnostics = vim.diagnostic.get(buf)
  table.sort(diagnostics, function(a, b)
    return a.lnum < b.lnum
  end)
  for _, d in ipairs(diagnostics) do
    local lsp = (d.user_data and d.user_data.lsp) or {}
    table.insert(result.diagnostics, {
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      severity = d.severity,
      message = d.message,
      source = d.source,
      code = d.code or lsp.code,
    })
  end
  local first = diagnostics[1]
  if first then
    -- The LSP position (UTF-16) of the diagnostic; Neovim keeps byte columns.
    local line = vim.api.nvim_buf_get_lines(buf, first.lnum, first.lnum + 1, false)[1]
    local _, utf16 = vim.str_utfindex(line, first.col)
    local params = { textDocument = vim.lsp.util.make_text_document_params(buf), position = { line = first.lnum, character = utf16 } }
    local responses = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, 10000) or {}
    for _, r in pairs(responses) do
      if r.result and r.result.contents then
        result.hover = r.result.contents.value or vim.fn.json_encode(r.result.contents)
      end
    end
  end
  return result
end

local function run()
  local ok, result = pcall(collect)
  if not ok then
    result = { error = tostring(result) }
  end
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qall!')
end

vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    vim.schedule(run)
  end,
})
