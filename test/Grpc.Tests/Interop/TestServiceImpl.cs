using Google.Protobuf;
using Microsoft.AspNetCore.Routing;
using QbConnector.Grpc.Core;
using QbConnector.Grpc.Server;
using QbConnector.Grpc.Tests.Interop.Messages;

namespace QbConnector.Grpc.Tests.Interop;

/// <summary>The interop TestService on the project's server, behaving like grpc-js's in server.js.</summary>
public static class TestServiceImpl
{
    private const string EchoInitial = "x-grpc-test-echo-initial";
    private const string EchoTrailing = "x-grpc-test-echo-trailing-bin";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcUnary(TestServiceMethods.EmptyCall, (_, _) => Task.FromResult(new Empty()));
        endpoints.MapGrpcUnary(TestServiceMethods.UnaryCall, UnaryCallAsync);
        endpoints.MapGrpcServerStreaming(TestServiceMethods.StreamingOutputCall, StreamingOutputCallAsync);
        endpoints.MapGrpcClientStreaming(TestServiceMethods.StreamingInputCall, StreamingInputCallAsync);
        endpoints.MapGrpcDuplexStreaming(TestServiceMethods.FullDuplexCall, FullDuplexCallAsync);
        endpoints.MapGrpcDuplexStreaming(TestServiceMethods.HalfDuplexCall, HalfDuplexCallAsync);
        endpoints.MapGrpcUnimplementedServices();
    }

    private static async Task<SimpleResponse> UnaryCallAsync(SimpleRequest request, ServerCallContext context)
    {
        await EchoMetadataAsync(context);
        ThrowIfStatus(request.ResponseStatus);
        return new SimpleResponse { Payload = Payload(request.ResponseSize) };
    }

    private static async Task StreamingOutputCallAsync(StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responses, ServerCallContext context)
    {
        await EchoMetadataAsync(context);
        await WriteResponsesAsync(request, responses, context);
        ThrowIfStatus(request.ResponseStatus);
    }

    private static async Task<StreamingInputCallResponse> StreamingInputCallAsync(IAsyncStreamReader<StreamingInputCallRequest> requests, ServerCallContext context)
    {
        var total = 0;
        await foreach (var request in requests.ReadAllAsync(context.CancellationToken))
        {
            total += request.Payload?.Body.Length ?? 0;
        }

        return new StreamingInputCallResponse { AggregatedPayloadSize = total };
    }

    private static async Task FullDuplexCallAsync(IAsyncStreamReader<StreamingOutputCallRequest> requests, IServerStreamWriter<StreamingOutputCallResponse> responses, ServerCallContext context)
    {
        await EchoMetadataAsync(context);
        await foreach (var request in requests.ReadAllAsync(context.CancellationToken))
        {
            ThrowIfStatus(request.ResponseStatus);
            await WriteResponsesAsync(request, responses, context);
        }
    }

    private static async Task HalfDuplexCallAsync(IAsyncStreamReader<StreamingOutputCallRequest> requests, IServerStreamWriter<StreamingOutputCallResponse> responses, ServerCallContext context)
    {
        var all = new List<StreamingOutputCallRequest>();
        await foreach (var request in requests.ReadAllAsync(context.CancellationToken))
        {
            all.Add(request);
        }

        foreach (var request in all)
        {
            await WriteResponsesAsync(request, responses, context);
        }
    }

    private static async Task WriteResponsesAsync(StreamingOutputCallRequest request, IServerStreamWriter<StreamingOutputCallResponse> responses, ServerCallContext context)
    {
        foreach (var parameters in request.ResponseParameters)
        {
            if (parameters.IntervalUs > 0)
            {
                await Task.Delay(TimeSpan.FromMicroseconds(parameters.IntervalUs), context.CancellationToken);
            }

            await responses.WriteAsync(new StreamingOutputCallResponse { Payload = Payload(parameters.Size) });
        }
    }

    private static async Task EchoMetadataAsync(ServerCallContext context)
    {
        if (context.RequestHeaders.Get(EchoInitial) is { } initial)
        {
            await context.WriteResponseHeadersAsync(new Metadata { { EchoInitial, initial.Value } });
        }

        if (context.RequestHeaders.Get(EchoTrailing) is { } trailing)
        {
            context.ResponseTrailers.Add(EchoTrailing, trailing.ValueBytes);
        }
    }

    private static void ThrowIfStatus(EchoStatus? status)
    {
        if (status is { Code: not 0 })
        {
            throw new RpcException(new Status((StatusCode)status.Code, status.Message));
        }
    }

    private static Payload Payload(int size) => new() { Body = ByteString.CopyFrom(new byte[size]) };
}
