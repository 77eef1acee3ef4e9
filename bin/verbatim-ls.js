#!/usr/bin/env node
// The Verbatim language server for any LSP editor: `verbatim-ls --stdio` (the bundled dist/server.js).
require('../dist/server.js');
