'use strict';
// Loads the test-only interop proto with grpc-js's own loader.
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const definition = protoLoader.loadSync(path.join(__dirname, '..', 'Protos', 'interop.proto'), {
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
});
const testing = grpc.loadPackageDefinition(definition).grpc.testing;

module.exports = { grpc, testing };
