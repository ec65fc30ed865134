namespace QbConnector.Engine.Actors.Core;

/// <summary>The parent of the actors the system creates; supervises them with the default strategy.</summary>
internal sealed class Guardian : ActorBase
{
    protected override bool Receive(object message) => false;
}
