namespace QbConnector.Engine.Tests.EndToEnd;

/// <summary>
/// The end-to-end tests run real processes (emulator, engine, CLI): one collection, so they never
/// run at the same time as each other or as the rest of the project's tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndCollection
{
    public const string Name = "End to end";
}
