using QbConnector.QbGateway.Sandbox.Faults;

namespace QbConnector.Engine.Cli.Sandbox;

/// <summary>The names <c>sandbox state --set</c> accepts: QuickBooks conditions and the administrator's access answers.</summary>
internal static class StateNames
{
    private static readonly Dictionary<string, Func<QuickBooksState, QuickBooksState>> Changes = new(StringComparer.Ordinal)
    {
        ["ready"] = s => s with { Condition = QuickBooksCondition.Ready },
        ["not-running"] = s => s with { Condition = QuickBooksCondition.NotRunning },
        ["no-company-file-open"] = s => s with { Condition = QuickBooksCondition.NoCompanyFileOpen },
        ["cannot-start"] = s => s with { Condition = QuickBooksCondition.CannotStart },
        ["other-company-file-open"] = s => s with { Condition = QuickBooksCondition.OtherCompanyFileOpen },
        ["open-in-other-mode"] = s => s with { Condition = QuickBooksCondition.OpenInOtherMode },
        ["modal-dialog"] = s => s with { Condition = QuickBooksCondition.ModalDialog },
        ["still-starting"] = s => s with { Condition = QuickBooksCondition.StillStarting },
        ["could-not-lock"] = s => s with { Condition = QuickBooksCondition.CouldNotLock },
        ["logged-in-elsewhere"] = s => s with { Condition = QuickBooksCondition.LoggedInElsewhere },
        ["several-instances"] = s => s with { Condition = QuickBooksCondition.SeveralInstances },
        ["access-not-yet-granted"] = s => s with { Authorization = QuickBooksAuthorization.NotYetGranted },
        ["access-granted-once"] = s => s with { Authorization = QuickBooksAuthorization.GrantedOnce },
        ["access-granted-always"] = s => s with { Authorization = QuickBooksAuthorization.GrantedAlways },
        ["access-denied"] = s => s with { Authorization = QuickBooksAuthorization.Denied },
        ["no-permission"] = s => s with { Authorization = QuickBooksAuthorization.NoPermission },
    };

    public static IReadOnlyCollection<string> All => Changes.Keys;

    public static QuickBooksState Apply(QuickBooksState state, string name) => Changes[name](state);
}
