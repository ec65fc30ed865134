using System.Globalization;
using System.IO.Pipelines;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;
using QbConnector.Grpc.Core;
using QbConnector.Grpc.Wire;

namespace QbConnector.Grpc.Server;

/// <summary>
/// The server side of one call on one HTTP/2 stream. Every response write goes through one
/// gate, so the deadline can end the call while the handler is still writing, and nothing
/// touches the response once the final status is out.
/// </summary>
internal sealed class HttpContextServerCallContext : ServerCallContext, IDisposable
{
    private static readonly TimeSpan MaxTimerDelay = TimeSpan.FromDays(49);
    private readonly IMethod _method;
    private readonly GrpcServiceOptions _options;
    private readonly TimeProvider _clock;
    private readonly CancellationTokenSource _cts;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Metadata _responseTrailers = new();
    private readonly MessageFrameWriter _frameWriter;
    private ITimer? _deadlineTimer;
    private Task _deadlineTask = Task.CompletedTask;
    private Metadata? _requestHeaders;
    private DateTime _deadline = DateTime.MaxValue;
    private Status _status = Status.DefaultSuccess;
    private volatile bool _deadlineExceeded;
    private bool _ended;

    public HttpContextServerCallContext(HttpContext httpContext, IMethod method, GrpcServiceOptions options, TimeProvider clock)
    {
        HttpContext = httpContext;
        _method = method;
        _options = options;
        _clock = clock;
        _cts = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted);
        _frameWriter = new MessageFrameWriter(options.MaxSendMessageSize);
    }

    public HttpContext HttpContext { get; }

    public GrpcServiceOptions Options => _options;

    public bool DeadlineExceeded => _deadlineExceeded;

    protected override string MethodCore => _method.FullName;

    protected override string HostCore => HttpContext.Request.Host.Value ?? "";

    protected override string PeerCore
    {
        get
        {
            var connection = HttpContext.Connection;
            return connection.RemoteIpAddress switch
            {
                null => "unknown",
                { AddressFamily: AddressFamily.InterNetworkV6 } ip => string.Create(CultureInfo.InvariantCulture, $"ipv6:[{ip}]:{connection.RemotePort}"),
                var ip => string.Create(CultureInfo.InvariantCulture, $"ipv4:{ip}:{connection.RemotePort}"),
            };
        }
    }

    protected override DateTime DeadlineCore => _deadline;

    protected override Metadata RequestHeadersCore => _requestHeaders ??= ReadRequestHeaders();

    protected override CancellationToken CancellationTokenCore => _cts.Token;

    protected override Metadata ResponseTrailersCore => _responseTrailers;

    protected override Status StatusCore
    {
        get => _status;
        set => _status = value;
    }

    /// <summary>Starts the deadline from grpc-timeout; an unreadable value is ignored, as if absent.</summary>
    public void Initialize()
    {
        var header = HttpContext.Request.Headers[GrpcProtocol.TimeoutHeader];
        if (header.Count == 0 || !GrpcTimeout.TryParse(header[0], out var timeout))
        {
            return;
        }

        _deadline = timeout < TimeSpan.FromDays(365 * 100) ? _clock.GetUtcNow().UtcDateTime + timeout : DateTime.MaxValue;
        if (timeout <= TimeSpan.Zero)
        {
            _deadlineTask = OnDeadlineAsync();
        }
        else if (timeout < MaxTimerDelay)
        {
            _deadlineTimer = _clock.CreateTimer(static state => ((HttpContextServerCallContext)state!).StartDeadline(), this, timeout, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Waits for the deadline's own response to be out, if the deadline fired.</summary>
    public Task DeadlineTask => _deadlineTask;

    protected override async Task WriteResponseHeadersAsyncCore(Metadata responseHeaders)
    {
        ArgumentNullException.ThrowIfNull(responseHeaders);
        await _gate.WaitAsync(_cts.Token);
        try
        {
            ThrowIfEnded();
            var response = HttpContext.Response;
            if (response.HasStarted)
            {
                throw new InvalidOperationException("Response headers can only be sent once per call.");
            }

            foreach (var entry in responseHeaders)
            {
                if (!GrpcProtocol.IsReservedHeader(entry.Key))
                {
                    response.Headers.Append(entry.Key, MetadataHeaders.ToHeaderValue(entry));
                }
            }

            PrepareResponse(response);
            await response.StartAsync(_cts.Token);
            await response.BodyWriter.FlushAsync(_cts.Token);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Writes one response message and flushes it.</summary>
    public async Task WriteMessageAsync<T>(T message, Marshaller<T> marshaller, CancellationToken cancellationToken)
    {
        using var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(_cts.Token, cancellationToken) : null;
        var token = linked?.Token ?? _cts.Token;
        await _gate.WaitAsync(token);
        try
        {
            ThrowIfEnded();
            var response = HttpContext.Response;
            if (!response.HasStarted)
            {
                PrepareResponse(response);
            }

            var writer = response.BodyWriter;
            _frameWriter.Write(writer, message, marshaller.ContextualSerializer);
            var result = await writer.FlushAsync(token);
            if (result.IsCanceled || result.IsCompleted)
            {
                throw new OperationCanceledException("The client is no longer reading the response.");
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Sends the final status: trailers after a response, or trailers-only when nothing was sent.</summary>
    public async Task EndCallAsync(Status status, Metadata? extraTrailers)
    {
        await _gate.WaitAsync(CancellationToken.None);
        try
        {
            if (_ended)
            {
                return;
            }

            _ended = true;
            _deadlineTimer?.Dispose();
            if (HttpContext.RequestAborted.IsCancellationRequested)
            {
                // The client reset the stream: nobody is there to read a status.
                return;
            }

            var response = HttpContext.Response;
            if (!response.HasStarted)
            {
                // Trailers-only: the status travels in the headers and the body stays empty.
                PrepareResponse(response);
                WriteStatus(status, extraTrailers, (name, value) => response.Headers.Append(name, value));
            }
            else
            {
                // Kestrel takes trailers only once the response has started.
                WriteStatus(status, extraTrailers, response.AppendTrailer);
            }

            await response.CompleteAsync();
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or InvalidOperationException)
        {
            // The connection went away while the status was being sent: nothing more to do.
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Maps what the handler threw to the status the client gets.</summary>
    public (Status Status, Metadata? Trailers) StatusFromException(Exception ex)
    {
        if (ex is RpcException rpc)
        {
            return (rpc.Status, rpc.Trailers);
        }

        if (_deadlineExceeded)
        {
            return (new Status(StatusCode.DeadlineExceeded, "Deadline exceeded."), null);
        }

        if (ex is OperationCanceledException && _cts.IsCancellationRequested)
        {
            return (new Status(StatusCode.Cancelled, "Call canceled."), null);
        }

        var detail = _options.EnableDetailedErrors
            ? $"Exception was thrown by handler. {ex.GetType().Name}: {ex.Message}"
            : "Exception was thrown by handler.";
        return (new Status(StatusCode.Unknown, detail, ex), null);
    }

    public void Dispose()
    {
        _deadlineTimer?.Dispose();
        _cts.Dispose();
        _gate.Dispose();
    }

    public void ThrowIfEnded()
    {
        if (_ended)
        {
            throw _deadlineExceeded
                ? new RpcException(new Status(StatusCode.DeadlineExceeded, "Deadline exceeded."))
                : new InvalidOperationException("Can't write the message because the call is complete.");
        }
    }

    private void StartDeadline() => _deadlineTask = OnDeadlineAsync();

    private async Task OnDeadlineAsync()
    {
        _deadlineExceeded = true;
        try
        {
            await _cts.CancelAsync();
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        await EndCallAsync(new Status(StatusCode.DeadlineExceeded, "Deadline exceeded."), null);

        // The status is out; resetting the stream stops a client that is still sending.
        // NO_ERROR after a complete response means "stop sending", not failure.
        HttpContext.Features.Get<IHttpResetFeature>()?.Reset(0);
    }

    private Metadata ReadRequestHeaders()
    {
        var metadata = new Metadata();
        foreach (var (name, values) in HttpContext.Request.Headers)
        {
            MetadataHeaders.AddFromHeader(metadata, name, values);
        }

        return metadata;
    }

    private static void PrepareResponse(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = GrpcProtocol.ContentType;
    }

    private void WriteStatus(Status status, Metadata? extraTrailers, Action<string, StringValues> append)
    {
        append(GrpcProtocol.StatusTrailer, StatusMapping.FormatStatusCode(status.StatusCode));
        if (!string.IsNullOrEmpty(status.Detail))
        {
            append(GrpcProtocol.MessageTrailer, PercentEncoding.Encode(status.Detail));
        }

        foreach (var trailers in new[] { _responseTrailers, extraTrailers })
        {
            if (trailers is null)
            {
                continue;
            }

            foreach (var entry in trailers)
            {
                if (!GrpcProtocol.IsReservedHeader(entry.Key))
                {
                    append(entry.Key, MetadataHeaders.ToHeaderValue(entry));
                }
            }
        }
    }
}
