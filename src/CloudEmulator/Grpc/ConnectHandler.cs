using QbConnector.CloudContract.V1;
using QbConnector.CloudEmulator.Store;
using QbConnector.Grpc.Core;

namespace QbConnector.CloudEmulator.Grpc;

/// <summary>
/// The Connect stream of one install: authenticates it, registers it as online, writes what the
/// cloud has for it, and hands every incoming message to <see cref="ClientMessageHandler"/>.
/// </summary>
internal sealed class ConnectHandler(InstallStore installs, ConnectorSessions sessions, ClientMessageHandler messages, Serilog.ILogger log)
{
    private readonly Serilog.ILogger _log = log.ForContext<ConnectHandler>();

    public async Task ConnectAsync(IAsyncStreamReader<ClientMessage> requests, IServerStreamWriter<ServerMessage> responses, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(responses);
        ArgumentNullException.ThrowIfNull(context);
        var credential = ConnectorServiceDescriptors.ReadBearer(context.RequestHeaders)
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "Connect needs the install credential in the metadata 'authorization: Bearer <credential>'. Link first to get one."));
        var install = installs.FindByCredential(credential)
            ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "The install credential is not known to the platform. Link the company file again."));

        using var session = sessions.Open(install.Id);
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, session.Ended);
        _log.Information("Install {InstallId} connected from {Peer}", install.Id, context.Peer);
        var writer = WriteAsync(session, responses, ended.Token);
        var drain = false;
        try
        {
            await ReadAsync(session, requests, ended.Token);
            drain = true;
        }
        catch (OperationCanceledException) when (session.Ended.IsCancellationRequested)
        {
            // Ended by the cloud: reported below with the reason.
        }
        finally
        {
            sessions.Close(session);
            session.CompleteOutgoing();
            if (!drain)
            {
                await ended.CancelAsync();
            }

            // After the connector half-closes, what is queued (acknowledgements above all) still goes out.
            await writer;
            _log.Information("Install {InstallId} disconnected", install.Id);
        }

        if (session.Ended.IsCancellationRequested)
        {
            throw new RpcException(session.EndStatus);
        }
    }

    private async Task ReadAsync(ConnectorSession session, IAsyncStreamReader<ClientMessage> requests, CancellationToken cancellationToken)
    {
        var greeted = false;
        while (await requests.MoveNext(cancellationToken))
        {
            var message = requests.Current;
            if (!greeted)
            {
                if (message.BodyCase != ClientMessage.BodyOneofCase.Hello)
                {
                    throw new RpcException(new Status(StatusCode.InvalidArgument, $"The first message on Connect must be hello, not {message.BodyCase}."));
                }

                greeted = true;
            }

            messages.Handle(session, message);
        }
    }

    /// <summary>The one writer of the response stream: everything queued for the session, in order.</summary>
    private async Task WriteAsync(ConnectorSession session, IServerStreamWriter<ServerMessage> responses, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in session.Outgoing.ReadAllAsync(cancellationToken))
            {
                await responses.WriteAsync(message);
            }
        }
        catch (OperationCanceledException)
        {
            // The call is over.
        }
#pragma warning disable CA1031 // A failed write means the stream is gone; the reader side ends the call.
        catch (Exception e) when (e is IOException or InvalidOperationException or RpcException)
#pragma warning restore CA1031
        {
            _log.Debug(e, "Writing to install {InstallId} failed", session.InstallId);
        }
    }

}
