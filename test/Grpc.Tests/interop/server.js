'use strict';
// A grpc-js server implementing the interop TestService subset (UnimplementedCall left out on
// purpose). Prints "listening PORT" once bound to 127.0.0.1 on a free port.
const { grpc, testing } = require('./load');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const payload = (size) => ({ type: 'COMPRESSABLE', body: Buffer.alloc(size) });

// Echoes the interop metadata keys: the initial one at once, the trailing one with the status.
function echoMetadata(call) {
  const initial = call.metadata.get('x-grpc-test-echo-initial');
  if (initial.length > 0) {
    const headers = new grpc.Metadata();
    headers.set('x-grpc-test-echo-initial', initial[0]);
    call.sendMetadata(headers);
  }
  const trailers = new grpc.Metadata();
  const trailing = call.metadata.get('x-grpc-test-echo-trailing-bin');
  if (trailing.length > 0) {
    trailers.set('x-grpc-test-echo-trailing-bin', trailing[0]);
  }
  return trailers;
}

const failure = (status, trailers) =>
  status && status.code !== 0 ? { code: status.code, details: status.message, metadata: trailers } : null;

async function writeResponses(call, request) {
  for (const parameters of request.responseParameters) {
    if (parameters.intervalUs > 0) {
      await sleep(parameters.intervalUs / 1000);
    }
    if (call.cancelled) {
      return;
    }
    call.write({ payload: payload(parameters.size) });
  }
}

const service = {
  emptyCall(call, callback) {
    callback(null, {});
  },
  unaryCall(call, callback) {
    const trailers = echoMetadata(call);
    const error = failure(call.request.responseStatus, trailers);
    if (error) {
      callback(error);
      return;
    }
    callback(null, { payload: payload(call.request.responseSize) }, trailers);
  },
  async streamingOutputCall(call) {
    const trailers = echoMetadata(call);
    await writeResponses(call, call.request);
    const error = failure(call.request.responseStatus, trailers);
    if (error) {
      call.emit('error', error);
    } else {
      call.end(trailers);
    }
  },
  streamingInputCall(call, callback) {
    let total = 0;
    call.on('data', (request) => {
      total += request.payload ? request.payload.body.length : 0;
    });
    call.on('end', () => callback(null, { aggregatedPayloadSize: total }));
    call.on('error', () => {});
  },
  fullDuplexCall(call) {
    const trailers = echoMetadata(call);
    let chain = Promise.resolve();
    let failed = false;
    call.on('data', (request) => {
      chain = chain.then(async () => {
        if (failed) {
          return;
        }
        const error = failure(request.responseStatus, trailers);
        if (error) {
          failed = true;
          call.emit('error', error);
          return;
        }
        await writeResponses(call, request);
      });
    });
    call.on('end', () => chain.then(() => {
      if (!failed) {
        call.end(trailers);
      }
    }));
    call.on('error', () => {});
  },
  halfDuplexCall(call) {
    const requests = [];
    call.on('data', (request) => requests.push(request));
    call.on('end', async () => {
      for (const request of requests) {
        await writeResponses(call, request);
      }
      call.end();
    });
    call.on('error', () => {});
  },
};

const server = new grpc.Server();
server.addService(testing.TestService.service, service);
server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) => {
  if (error) {
    console.error(error.message);
    process.exit(1);
  }
  console.log(`listening ${port}`);
});
process.on('SIGTERM', () => server.forceShutdown());
