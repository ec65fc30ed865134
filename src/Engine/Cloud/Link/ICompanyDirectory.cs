using QbConnector.CloudContract.V1;

namespace QbConnector.Engine.Cloud.Link;

/// <summary>What the cloud link needs to know about the linked companies for its hello.</summary>
public interface ICompanyDirectory
{
    IReadOnlyList<CompanyState> CompanyStates();
}
