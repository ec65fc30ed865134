namespace QbConnector.Engine.Actors.Core;

/// <summary>Replies that complete an Ask as success or failure, as Akka's Status.</summary>
public static class Status
{
    public sealed record Success(object? Result);

    public sealed record Failure(Exception Cause);
}
