namespace QbConnector.Engine.Pushes;

/// <summary>What a push does to QuickBooks.</summary>
public enum PushAction
{
    /// <summary>Create a new record (…AddRq), stamped with an ExternalGUID.</summary>
    Add,

    /// <summary>Change an existing record (…ModRq) at the EditSequence the cloud last saw.</summary>
    Mod,
}
