#!/usr/bin/env node
'use strict';
// The `verbatim` command: runs the compiled CLI (npm run build first when working from source).
require('../out/server/src/cli/main.js').main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
