// Preloaded with --require: any attempt to reach the network is recorded to $VERBATIM_NET_LOG
// and refused, so a test can show that nothing in Verbatim (or its bundled dependencies) tries.
'use strict';
const fs = require('fs');
const log = process.env.VERBATIM_NET_LOG;
function refuse(what) {
  return function () {
    if (log) fs.appendFileSync(log, `${what} ${JSON.stringify([...arguments].map(String).slice(0, 2))}\n`);
    throw new Error(`network use refused in test: ${what}`);
  };
}
const net = require('net');
net.Socket.prototype.connect = refuse('net.Socket.connect');
net.connect = net.createConnection = refuse('net.connect');
require('dgram').createSocket = refuse('dgram.createSocket');
const dns = require('dns');
dns.lookup = refuse('dns.lookup');
dns.resolve = refuse('dns.resolve');
for (const mod of ['http', 'https']) {
  const m = require(mod);
  m.request = refuse(`${mod}.request`);
  m.get = refuse(`${mod}.get`);
}
require('tls').connect = refuse('tls.connect');
if (typeof globalThis.fetch === 'function') globalThis.fetch = refuse('fetch');
