#!/usr/bin/env node
// The Verbatim language server for any LSP editor: `verbatim-ls --stdio`.
require('../out/server/src/lsp/server.js');
