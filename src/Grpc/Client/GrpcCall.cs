using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using QbConnector.Grpc.Core;
using QbConnector.Grpc.Wire;

namespace QbConnector.Grpc.Client;

/// <summary>
/// One client call of any kind over one HTTP/2 stream. The final status is set exactly once,
/// by whichever comes first: the trailers, a broken response, the deadline or a cancellation;
/// every later failure reports that status.
/// </summary>
internal sealed class GrpcCall<TRequest, TResponse> : IAsyncStreamReader<TResponse>, IClientStreamWriter<TRequest>, IDisposable
    where TRequest : class
    where TResponse : class
{
    // Timers cannot run further out than about 49 days; a later deadline is as good as none.
    private static readonly TimeSpan MaxTimerDelay = TimeSpan.FromDays(49);
    private static readonly StreamPipeReaderOptions ReaderOptions = new(bufferSize: 16 * 1024, minimumReadSize: 4 * 1024);
    private static readonly StreamPipeWriterOptions WriterOptions = new(minimumBufferSize: 16 * 1024, leaveOpen: true);

    private readonly GrpcChannel _channel;
    private readonly Method<TRequest, TResponse> _method;
    private readonly CallOptions _options;
    private readonly CancellationTokenSource _callCts = new();
    private readonly TaskCompletionSource<Metadata> _headers = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<PipeMessageReader<TResponse>?> _body = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<PipeWriter?> _requestWriter = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _requestDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly MessageFrameWriter _frameWriter;
    private readonly Lock _gate = new();
    private Status? _status;
    private Metadata? _trailers;
    private HttpResponseMessage? _response;
    private ITimer? _deadlineTimer;
    private CancellationTokenRegistration _userCancellation;
    private bool _writing;
    private bool _requestCompleted;
    private int _messagesRead;
    private TResponse? _current;

    public GrpcCall(GrpcChannel channel, Method<TRequest, TResponse> method, CallOptions options)
    {
        _channel = channel;
        _method = method;
        _options = options;
        _frameWriter = new MessageFrameWriter(channel.Options.MaxSendMessageSize);
    }

    public Task<Metadata> ResponseHeadersAsync => _headers.Task;

    public TResponse Current => _current ?? throw new InvalidOperationException("No message has been read yet.");

    private bool SingleResponse => _method.Type is MethodType.Unary or MethodType.ClientStreaming;

    public void Start(TRequest? request)
    {
        var clock = _channel.Options.TimeProvider;
        TimeSpan? timeout = null;
        if (_options.Deadline is { } deadline && deadline != DateTime.MaxValue)
        {
            var utc = deadline.Kind == DateTimeKind.Local ? deadline.ToUniversalTime() : DateTime.SpecifyKind(deadline, DateTimeKind.Utc);
            var remaining = utc - clock.GetUtcNow().UtcDateTime;
            if (remaining <= TimeSpan.Zero)
            {
                Finish(new Status(StatusCode.DeadlineExceeded, "The deadline had passed before the call started."), Metadata.Empty);
                return;
            }

            timeout = remaining;
            if (remaining < MaxTimerDelay)
            {
                _deadlineTimer = clock.CreateTimer(static state => ((GrpcCall<TRequest, TResponse>)state!).Cancel(new Status(StatusCode.DeadlineExceeded, "Deadline exceeded.")), this, remaining, Timeout.InfiniteTimeSpan);
            }
        }

        if (_options.CancellationToken.CanBeCanceled)
        {
            _userCancellation = _options.CancellationToken.UnsafeRegister(static state => ((GrpcCall<TRequest, TResponse>)state!).Cancel(new Status(StatusCode.Cancelled, "Call canceled by the client.")), this);
        }

        if (_status is not null)
        {
            return;
        }

        var httpRequest = CreateRequest(request, timeout);
        _ = RunAsync(httpRequest);
    }

    public Status GetStatus()
    {
        lock (_gate)
        {
            return _status ?? throw new InvalidOperationException("Unable to get the status because the call is not complete.");
        }
    }

    public Metadata GetTrailers()
    {
        lock (_gate)
        {
            return _trailers ?? throw new InvalidOperationException("Unable to get the trailers because the call is not complete.");
        }
    }

    public void Dispose()
    {
        Cancel(new Status(StatusCode.Cancelled, "Call disposed by the client."));
        _response?.Dispose();
    }

    /// <summary>Reads the only response of a unary or client-streaming call.</summary>
    public async Task<TResponse> ReadSingleResponseAsync()
    {
        if (!await MoveNext(CancellationToken.None))
        {
            // MoveNext throws for any status but OK, and OK with no message became INTERNAL.
            throw new RpcException(GetStatus(), GetTrailers());
        }

        var response = Current;
        try
        {
            if (await MoveNext(CancellationToken.None))
            {
                Finish(new Status(StatusCode.Internal, "The server sent more than one response message to a call that takes one."), Metadata.Empty);
                ThrowIfFailed();
            }
        }
        catch (RpcException)
        {
            throw;
        }

        return response;
    }

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        using var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => ((GrpcCall<TRequest, TResponse>)state!).Cancel(new Status(StatusCode.Cancelled, "Call canceled by the client.")), this)
            : default;
        var reader = await _body.Task;
        if (reader is not null && !IsFinished)
        {
            try
            {
                var (hasMessage, message) = await reader.ReadAsync(_callCts.Token);
                if (hasMessage)
                {
                    _messagesRead++;
                    _current = message;
                    return true;
                }

                FinishFromTrailers();
            }
            catch (Exception ex)
            {
                Finish(MapException(ex), Metadata.Empty);
            }
        }

        ThrowIfFailed();
        return false;
    }

    public Task WriteAsync(TRequest message) => WriteAsync(message, CancellationToken.None);

    public async Task WriteAsync(TRequest message, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // Writing after CompleteAsync is the caller's mistake whatever became of the call, as in Grpc.Net.Client.
            if (_requestCompleted)
            {
                throw new InvalidOperationException("Can't write the message because the request stream has been completed.");
            }

            ThrowIfFailedOrComplete();

            if (_writing)
            {
                throw new InvalidOperationException("Can't write the message because the previous write is in progress.");
            }

            _writing = true;
        }

        using var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.UnsafeRegister(static state => ((GrpcCall<TRequest, TResponse>)state!).Cancel(new Status(StatusCode.Cancelled, "Call canceled by the client.")), this)
            : default;
        try
        {
            var writer = await _requestWriter.Task;
            if (writer is not null && !IsFinished)
            {
                _frameWriter.Write(writer, message, _method.RequestMarshaller.ContextualSerializer);
                await writer.FlushAsync(_callCts.Token);
            }
        }
        catch (Exception ex)
        {
            Finish(MapException(ex), Metadata.Empty);
        }
        finally
        {
            lock (_gate)
            {
                _writing = false;
            }
        }

        lock (_gate)
        {
            ThrowIfFailedOrComplete();
        }
    }

    public Task CompleteAsync()
    {
        lock (_gate)
        {
            // As Grpc.Net.Client: the server may end the call before the client says it is done
            // sending; that is no error here, the call's status is what reads and ResponseAsync report.
            if (_status is not null)
            {
                _requestCompleted = true;
                return Task.CompletedTask;
            }

            if (_writing)
            {
                throw new InvalidOperationException("Can't complete the request stream while a write is in progress.");
            }

            _requestCompleted = true;
        }

        _requestDone.TrySetResult();
        return Task.CompletedTask;
    }

    private bool IsFinished
    {
        get
        {
            lock (_gate)
            {
                return _status is not null;
            }
        }
    }

    private HttpRequestMessage CreateRequest(TRequest? request, TimeSpan? timeout)
    {
        var httpRequest = new HttpRequestMessage(HttpMethod.Post, new Uri(_channel.Address, _method.FullName))
        {
            Version = HttpVersion.Version20,
            // RequestVersionOrLower on http:// silently speaks HTTP/1.1, which cannot carry gRPC.
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new GrpcRequestContent((stream, ct) => WriteRequestBodyAsync(stream, request, ct)),
        };
        var headers = httpRequest.Headers;
        headers.TE.Add(new TransferCodingWithQualityHeaderValue(GrpcProtocol.TeTrailers));
        headers.TryAddWithoutValidation("user-agent", "grpc-dotnet-qbconnector/1.0");
        headers.TryAddWithoutValidation(GrpcProtocol.AcceptEncodingHeader, "identity");
        if (timeout is { } t)
        {
            headers.TryAddWithoutValidation(GrpcProtocol.TimeoutHeader, GrpcTimeout.Format(t));
        }

        if (_options.Headers is { } metadata)
        {
            foreach (var entry in metadata)
            {
                if (!GrpcProtocol.IsReservedHeader(entry.Key))
                {
                    headers.TryAddWithoutValidation(entry.Key, MetadataHeaders.ToHeaderValue(entry));
                }
            }
        }

        return httpRequest;
    }

    private async Task WriteRequestBodyAsync(Stream stream, TRequest? request, CancellationToken cancellationToken)
    {
        var writer = PipeWriter.Create(stream, WriterOptions);
        if (request is not null)
        {
            try
            {
                _frameWriter.Write(writer, request, _method.RequestMarshaller.ContextualSerializer);
            }
            catch (RpcException ex)
            {
                Finish(ex.Status, Metadata.Empty);
                throw;
            }

            await writer.FlushAsync(cancellationToken);
            await writer.CompleteAsync();
            return;
        }

        // Sends the request headers now: the server may wait for them before answering anything.
        await stream.FlushAsync(cancellationToken);
        _requestWriter.TrySetResult(writer);
        // The call's own cancellation must end the request body too: only then is the HTTP/2 stream reset.
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _callCts.Token);
        await _requestDone.Task.WaitAsync(linked.Token);
        await writer.CompleteAsync();
    }

    private async Task RunAsync(HttpRequestMessage request)
    {
        try
        {
            var response = await _channel.SendAsync(request, _callCts.Token);
            lock (_gate)
            {
                if (_status is not null)
                {
                    response.Dispose();
                    return;
                }

                _response = response;
            }

            var headers = ToMetadata(response.Headers);
            if (CheckHeaders(response) is { } final)
            {
                _headers.TrySetResult(headers);
                Finish(final, headers);
                return;
            }

            _headers.TrySetResult(headers);
            var stream = await response.Content.ReadAsStreamAsync(_callCts.Token);
            _body.TrySetResult(new PipeMessageReader<TResponse>(PipeReader.Create(stream, ReaderOptions), _method.ResponseMarshaller.ContextualDeserializer, _channel.Options.MaxReceiveMessageSize));
        }
        catch (Exception ex)
        {
            Finish(MapException(ex), Metadata.Empty);
        }
    }

    /// <summary>The final status when the headers already end the call: trailers-only or not a gRPC response.</summary>
    private Status? CheckHeaders(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var code = (int)response.StatusCode;
            return new Status(StatusMapping.FromHttpStatus(code), $"Bad gRPC response. HTTP status code: {code}.");
        }

        if (response.Headers.Contains(GrpcProtocol.StatusTrailer))
        {
            return CheckMessageCount(ReadStatus(response.Headers));
        }

        var contentType = response.Content.Headers.ContentType?.MediaType;
        if (!GrpcProtocol.IsGrpcContentType(contentType))
        {
            return new Status(StatusCode.Unknown, $"Bad gRPC response. Invalid content-type value: {contentType ?? "(none)"}.");
        }

        return null;
    }

    private void FinishFromTrailers()
    {
        var trailers = _response!.TrailingHeaders;
        var status = trailers.Contains(GrpcProtocol.StatusTrailer)
            ? ReadStatus(trailers)
            : new Status(StatusCode.Unknown, "No grpc-status found on response.");
        Finish(CheckMessageCount(status), ToMetadata(trailers));
    }

    private Status CheckMessageCount(Status status) =>
        status.StatusCode == StatusCode.OK && SingleResponse && _messagesRead != 1
            ? new Status(StatusCode.Internal, _messagesRead == 0 ? "The server sent no response message." : "The server sent more than one response message to a call that takes one.")
            : status;

    private static Status ReadStatus(HttpHeaders headers)
    {
        var text = headers.TryGetValues(GrpcProtocol.StatusTrailer, out var values) ? values.FirstOrDefault() : null;
        var message = headers.TryGetValues(GrpcProtocol.MessageTrailer, out var messages) ? PercentEncoding.Decode(messages.FirstOrDefault() ?? "") : "";
        return StatusMapping.TryParseStatusCode(text, out var code)
            ? new Status(code, message)
            : new Status(StatusCode.Unknown, $"Invalid grpc-status value: {text}.");
    }

    private static Metadata ToMetadata(HttpHeaders headers)
    {
        var metadata = new Metadata();
        foreach (var header in headers)
        {
            MetadataHeaders.AddFromHeader(metadata, header.Key, header.Value);
        }

        return metadata;
    }

    private void Cancel(Status status)
    {
        if (Finish(status, Metadata.Empty))
        {
            // Aborting the request resets the HTTP/2 stream, which tells the server. A response whose
            // headers already arrived is not being read, so the token alone would not reach it: dispose it.
            _callCts.Cancel();
            _response?.Dispose();
        }
    }

    /// <summary>Sets the final status once; later calls change nothing and return false.</summary>
    private bool Finish(Status status, Metadata trailers)
    {
        lock (_gate)
        {
            if (_status is not null)
            {
                return false;
            }

            _status = status;
            _trailers = trailers.Freeze();
        }

        if (status.StatusCode == StatusCode.OK)
        {
            _headers.TrySetResult(Metadata.Empty);
        }
        else if (_headers.TrySetException(new RpcException(status, trailers)))
        {
            // Nobody need ever look at the headers of a failed call.
            _ = _headers.Task.Exception;
        }

        _body.TrySetResult(null);
        _requestWriter.TrySetResult(null);
        _requestDone.TrySetResult();
        _deadlineTimer?.Dispose();
        _userCancellation.Unregister();
        if (status.StatusCode != StatusCode.OK && !_callCts.IsCancellationRequested)
        {
            _callCts.Cancel();
        }

        return true;
    }

    private Status MapException(Exception ex)
    {
        lock (_gate)
        {
            if (_status is { } status)
            {
                return status;
            }
        }

        for (var e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case RpcException rpc:
                    return rpc.Status;
                case HttpProtocolException protocol:
                    return new Status(StatusMapping.FromHttp2ErrorCode(protocol.ErrorCode), $"The HTTP/2 stream was reset (error code {protocol.ErrorCode}).", ex);
            }
        }

        return ex switch
        {
            OperationCanceledException => new Status(StatusCode.Cancelled, "Call canceled.", ex),
            HttpRequestException or IOException => new Status(StatusCode.Unavailable, $"Error talking to the server: {ex.Message}", ex),
            ObjectDisposedException => new Status(StatusCode.Cancelled, "The channel was disposed.", ex),
            _ => new Status(StatusCode.Internal, $"Error in the call: {ex.GetType().Name}: {ex.Message}", ex),
        };
    }

    private void ThrowIfFailed()
    {
        lock (_gate)
        {
            if (_status is { } status && status.StatusCode != StatusCode.OK)
            {
                throw new RpcException(status, _trailers!);
            }
        }
    }

    private void ThrowIfFailedOrComplete()
    {
        if (_status is { } status)
        {
            if (status.StatusCode != StatusCode.OK)
            {
                throw new RpcException(status, _trailers!);
            }

            throw new InvalidOperationException("Can't write the message because the call is complete.");
        }
    }
}
