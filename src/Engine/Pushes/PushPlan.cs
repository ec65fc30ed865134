using QbConnector.QbGateway.Catalog;

namespace QbConnector.Engine.Pushes;

/// <summary>A valid push, ready for QuickBooks: the write document and what it refers to.</summary>
/// <param name="RequestXml">The qbXML document, with the push's message set id.</param>
public sealed record PushPlan(QbEntity Entity, string Operation, string MessageSetId, string RequestXml, IReadOnlyList<PushReference> References);

/// <summary>Either a plan or the problems that keep the push from QuickBooks, each naming its field.</summary>
public sealed record PushPreparation(PushPlan? Plan, IReadOnlyList<string> Problems)
{
    public bool IsValid => Plan is not null;
}
