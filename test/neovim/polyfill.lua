-- Debian 12's Neovim is 0.7, which lacks vim.fs and vim.lsp.start (both 0.8+). These are the
-- smallest stand-ins, so that the README's lines run unchanged; newer Neovims skip them.
if not vim.fs then
  vim.fs = {
    dirname = function(p)
      return p and vim.fn.fnamemodify(p, ':h') or nil
    end,
    find = function(names, opts)
      local dir = (opts and opts.path) or vim.fn.getcwd()
      while dir and dir ~= '' do
        for _, name in ipairs(type(names) == 'table' and names or { names }) do
          if vim.loop.fs_stat(dir .. '/' .. name) then
            return { dir .. '/' .. name }
          end
        end
        local parent = vim.fn.fnamemodify(dir, ':h')
        if parent == dir then
          break
        end
        dir = parent
      end
      return {}
    end,
  }
end
if not vim.lsp.start then
  vim.lsp.start = function(config)
    local buf = vim.api.nvim_get_current_buf()
    for _, c in pairs(vim.lsp.get_active_clients()) do
      if c.name == config.name and c.config.root_dir == config.root_dir then
        vim.lsp.buf_attach_client(buf, c.id)
        return c.id
      end
    end
    local id = vim.lsp.start_client(config)
    if id then
      vim.lsp.buf_attach_client(buf, id)
    end
    return id
  end
end
