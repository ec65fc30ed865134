'use strict';
// A grpc-js server implementing the connector's own ConnectorService (proto/connector/v1), loaded
// with grpc-js's loader, to talk to the project's ConnectorServiceClient. Prints "listening PORT"
// once bound to 127.0.0.1 on a free port, and one line per event the tests wait for.
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const protoRoot = path.join(__dirname, '..', '..', '..', 'proto');
const definition = protoLoader.loadSync('connector/v1/connector.proto', {
  includeDirs: [protoRoot],
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
});
const v1 = grpc.loadPackageDefinition(definition).qbconnector.connector.v1;

const CREDENTIAL = 'interop-install-credential';
const streams = new Map(); // credential -> the install's one open Connect call

function credentialOf(call) {
  const values = call.metadata.get('authorization');
  const value = values.length > 0 ? String(values[0]) : '';
  return value.startsWith('Bearer ') ? value.slice('Bearer '.length) : null;
}

function connect(call) {
  const credential = credentialOf(call);
  if (credential !== CREDENTIAL) {
    call.emit('error', { code: grpc.status.UNAUTHENTICATED, details: 'Unknown install credential.' });
    return;
  }

  // One stream per install: the newer one wins, the older ends with ABORTED.
  const older = streams.get(credential);
  if (older) {
    older.emit('error', { code: grpc.status.ABORTED, details: 'A newer Connect stream replaced this one.' });
  }
  streams.set(credential, call);

  const headers = new grpc.Metadata();
  headers.set('x-install', 'interop');
  call.sendMetadata(headers);

  let version = '';
  let received = 0;
  call.on('data', (message) => {
    received += 1;
    switch (message.body) {
      case 'hello':
        version = message.hello.connectorVersion;
        for (const company of message.hello.companies) {
          call.write({ settings: { companyId: company.companyId, settings: { mode: 'SYNC_MODE_ONGOING' } } });
          call.write({ work: { workId: `work-for-${company.companyId}`, companyId: company.companyId } });
        }
        console.log(`hello ${version}`);
        break;
      case 'heartbeat':
        call.write({ heartbeatReply: { nonce: message.heartbeat.nonce, serverTime: { seconds: '1700000000', nanos: 0 } } });
        break;
      case 'dataPage':
        call.write({ ack: { companyId: message.dataPage.companyId, sequence: message.dataPage.sequence } });
        break;
      case 'workFailed':
        call.emit('error', {
          code: grpc.status.FAILED_PRECONDITION,
          details: `Work ${message.workFailed.workId} cannot fail: the cloud never sent it.`,
        });
        break;
      default:
        break;
    }
  });
  call.on('end', () => {
    if (streams.get(credential) === call) {
      streams.delete(credential);
    }
    const trailers = new grpc.Metadata();
    trailers.set('x-messages-received', String(received));
    call.end(trailers);
  });
  call.on('cancelled', () => {
    if (streams.get(credential) === call) {
      streams.delete(credential);
    }
    console.log(`cancelled ${version}`);
  });
  call.on('error', () => {});
}

const server = new grpc.Server();
server.addService(v1.ConnectorService.service, {
  link(call, callback) {
    callback({ code: grpc.status.UNIMPLEMENTED, details: 'Link is not part of this server.' });
  },
  connect,
});
server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) => {
  if (error) {
    console.error(error.message);
    process.exit(1);
  }
  console.log(`listening ${port}`);
});
process.on('SIGTERM', () => server.forceShutdown());
