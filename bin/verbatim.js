#!/usr/bin/env node
'use strict';
// The `verbatim` command: runs the bundled CLI (dist/cli.js, made by `npm run build`).
require('../dist/cli.js')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
