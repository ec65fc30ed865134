'use strict';
// Runs one interop case with a grpc-js client: node client.js ADDRESS CASE
// Exits 0 when the case passes; otherwise prints why and exits 1.
const assert = require('assert');
const { grpc, testing } = require('./load');

const [address, testCase] = process.argv.slice(2);
const client = new testing.TestService(address, grpc.credentials.createInsecure());
const UnimplementedService = grpc.makeGenericClientConstructor({
  UnimplementedCall: {
    path: '/grpc.testing.UnimplementedService/UnimplementedCall',
    requestStream: false,
    responseStream: false,
    requestSerialize: (value) => value,
    requestDeserialize: (value) => value,
    responseSerialize: (value) => value,
    responseDeserialize: (value) => value,
  },
});
const unimplementedService = new UnimplementedService(address, grpc.credentials.createInsecure());

const payload = (size) => ({ type: 'COMPRESSABLE', body: Buffer.alloc(size) });
const requestSizes = [27182, 8, 1828, 45904];
const responseSizes = [31415, 9, 2653, 58979];
const specialMessage = '\t\ntest with whitespace\r\nand Unicode BMP \u263A and non-BMP \uD83D\uDE08\t\n';

const unary = (method, request, metadata = new grpc.Metadata(), options = {}) =>
  new Promise((resolve, reject) => {
    const call = client[method](request, metadata, options, (error, response) => (error ? reject(error) : resolve({ response, call })));
    call.on('metadata', (headers) => { call.headers = headers; });
    call.on('status', (status) => { call.trailers = status.metadata; });
  });

const expectError = async (promise, code, details) => {
  try {
    await promise;
  } catch (error) {
    assert.strictEqual(error.code, code, `expected code ${code}, got ${error.code}: ${error.details}`);
    if (details !== undefined) {
      assert.strictEqual(error.details, details);
    }
    return error;
  }
  assert.fail(`expected code ${code}, but the call succeeded`);
};

// Reads a duplex call's responses as a queue, so a case can ping and wait for each pong.
function duplex(metadata = new grpc.Metadata(), options = {}) {
  const call = client.fullDuplexCall(metadata, options);
  const queue = [];
  const waiters = [];
  const push = (item) => (waiters.length > 0 ? waiters.shift()(item) : queue.push(item));
  call.on('data', (data) => push({ data }));
  call.on('error', (error) => push({ error }));
  call.on('end', () => push({ end: true }));
  call.on('metadata', (headers) => { call.headers = headers; });
  call.on('status', (status) => { call.trailers = status.metadata; });
  call.next = () => new Promise((resolve) => (queue.length > 0 ? resolve(queue.shift()) : waiters.push(resolve)));
  return call;
}

const cases = {
  async empty_unary() {
    const { response } = await unary('emptyCall', {});
    assert.deepStrictEqual(response, {});
  },
  async large_unary() {
    const { response } = await unary('unaryCall', { responseSize: 314159, payload: payload(271828) });
    assert.strictEqual(response.payload.body.length, 314159);
  },
  async client_streaming() {
    const response = await new Promise((resolve, reject) => {
      const call = client.streamingInputCall((error, value) => (error ? reject(error) : resolve(value)));
      for (const size of requestSizes) {
        call.write({ payload: payload(size) });
      }
      call.end();
    });
    assert.strictEqual(response.aggregatedPayloadSize, 74922);
  },
  async server_streaming() {
    const call = client.streamingOutputCall({ responseParameters: responseSizes.map((size) => ({ size })) });
    const sizes = [];
    for await (const response of call) {
      sizes.push(response.payload.body.length);
    }
    assert.deepStrictEqual(sizes, responseSizes);
  },
  async ping_pong() {
    const call = duplex();
    for (let i = 0; i < requestSizes.length; i++) {
      call.write({ responseParameters: [{ size: responseSizes[i] }], payload: payload(requestSizes[i]) });
      const item = await call.next();
      assert.ok(item.data, `expected a response, got ${JSON.stringify(item.error || item)}`);
      assert.strictEqual(item.data.payload.body.length, responseSizes[i]);
    }
    call.end();
    assert.ok((await call.next()).end);
  },
  async empty_stream() {
    const call = duplex();
    call.end();
    const item = await call.next();
    assert.ok(item.end, `expected the end, got ${JSON.stringify(item)}`);
  },
  async custom_metadata() {
    const metadata = new grpc.Metadata();
    metadata.set('x-grpc-test-echo-initial', 'test_initial_metadata_value');
    metadata.set('x-grpc-test-echo-trailing-bin', Buffer.from([0xab, 0xab, 0xab]));
    const { response, call } = await unary('unaryCall', { responseSize: 314159, payload: payload(271828) }, metadata);
    assert.strictEqual(response.payload.body.length, 314159);
    assert.deepStrictEqual(call.headers.get('x-grpc-test-echo-initial'), ['test_initial_metadata_value']);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepStrictEqual(call.trailers.get('x-grpc-test-echo-trailing-bin'), [Buffer.from([0xab, 0xab, 0xab])]);

    const stream = duplex(metadata);
    stream.write({ responseParameters: [{ size: 314159 }], payload: payload(271828) });
    assert.strictEqual((await stream.next()).data.payload.body.length, 314159);
    stream.end();
    assert.ok((await stream.next()).end);
    assert.deepStrictEqual(stream.headers.get('x-grpc-test-echo-initial'), ['test_initial_metadata_value']);
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepStrictEqual(stream.trailers.get('x-grpc-test-echo-trailing-bin'), [Buffer.from([0xab, 0xab, 0xab])]);
  },
  async status_code_and_message() {
    await expectError(unary('unaryCall', { responseStatus: { code: 2, message: 'test status message' } }), 2, 'test status message');
    const stream = duplex();
    stream.write({ responseStatus: { code: 2, message: 'test status message' } });
    stream.end();
    const item = await stream.next();
    assert.ok(item.error, `expected an error, got ${JSON.stringify(item)}`);
    assert.strictEqual(item.error.code, 2);
    assert.strictEqual(item.error.details, 'test status message');
  },
  async special_status_message() {
    await expectError(unary('unaryCall', { responseStatus: { code: 2, message: specialMessage } }), 2, specialMessage);
  },
  async unimplemented_method() {
    await expectError(unary('unimplementedCall', {}), grpc.status.UNIMPLEMENTED);
  },
  async unimplemented_service() {
    await expectError(new Promise((resolve, reject) => unimplementedService.UnimplementedCall(Buffer.alloc(0), (e, r) => (e ? reject(e) : resolve(r)))), grpc.status.UNIMPLEMENTED);
  },
  async cancel_after_begin() {
    await expectError(new Promise((resolve, reject) => {
      const call = client.streamingInputCall((error, value) => (error ? reject(error) : resolve(value)));
      call.cancel();
    }), grpc.status.CANCELLED);
  },
  async cancel_after_first_response() {
    const call = duplex();
    call.write({ responseParameters: [{ size: 31415 }], payload: payload(27182) });
    assert.ok((await call.next()).data);
    call.cancel();
    const item = await call.next();
    assert.ok(item.error, `expected an error, got ${JSON.stringify(item)}`);
    assert.strictEqual(item.error.code, grpc.status.CANCELLED);
  },
  async timeout_on_sleeping_server() {
    const call = duplex(new grpc.Metadata(), { deadline: Date.now() + 100 });
    call.write({ payload: payload(27182) });
    const item = await call.next();
    assert.ok(item.error, `expected an error, got ${JSON.stringify(item)}`);
    assert.strictEqual(item.error.code, grpc.status.DEADLINE_EXCEEDED);
  },
};

(async () => {
  const run = cases[testCase];
  if (!run) {
    console.error(`unknown case ${testCase}`);
    process.exit(2);
  }
  try {
    await run();
    console.log(`PASS ${testCase}`);
    process.exit(0);
  } catch (error) {
    console.error(`FAIL ${testCase}: ${error.stack || error}`);
    process.exit(1);
  }
})();
