using QbConnector.CloudContract.V1;
using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Actors.Supervision;
using QbConnector.Engine.Cloud.Link;
using QbConnector.Engine.Companies.Events;
using QbConnector.Engine.Persistence.Eventsourced;

namespace QbConnector.Engine.Companies;

/// <summary>
/// The linked companies of this install: persists who is linked, runs one company actor per
/// company file (each under a backoff supervisor, so one company's failure never stops another),
/// and routes what the cloud and the person ask to the right one.
/// </summary>
public sealed class CompaniesActor : PersistentActor
{
    private readonly CompanyDependencies _deps;
    private readonly CompanyDirectory _directory;
    private readonly Dictionary<string, IActorRef> _children = new(StringComparer.Ordinal);

    public CompaniesActor(CompanyDependencies deps, CompanyDirectory directory)
    {
        _deps = deps;
        _directory = directory;

        Recover<CompanyAdded>(e => _directory.Set(e.Profile));
        Recover<CompanyRemoved>(e => _directory.Remove(e.CompanyId));
        Recover<RecoveryCompleted>(_ =>
        {
            foreach (var profile in _directory.Profiles)
            {
                StartCompany(profile);
            }
        });

        Command<AddCompany>(OnAdd);
        Command<CloudCommand>(OnCloudCommand);
        Command<SyncCompanies>(sync =>
        {
            var targets = sync.CompanyId is null ? _children.Values.ToList() : _children.TryGetValue(sync.CompanyId, out var one) ? [one] : [];
            foreach (var child in targets)
            {
                child.Tell(sync.Request, Sender);
            }

            Sender.Tell(targets.Count, Self);
        });
    }

    public override string PersistenceId => "companies";

    private void OnAdd(AddCompany add)
    {
        var replyTo = Sender;
        if (_children.TryGetValue(add.Profile.CompanyId, out var existing))
        {
            existing.Tell(new CloudCommand(add.Profile.CompanyId, new ServerMessage { Settings = new CompanySettings { CompanyId = add.Profile.CompanyId, Settings = add.Settings } }), Self);
            replyTo.Tell(new CompanyAddedReply(add.Profile.CompanyId, AlreadyLinked: true), Self);
            return;
        }

        Persist(new CompanyAdded(add.Profile, _deps.Time.GetUtcNow()), e =>
        {
            _directory.Set(e.Profile);
            var child = StartCompany(e.Profile);
            child.Tell(new CloudCommand(e.Profile.CompanyId, new ServerMessage { Settings = new CompanySettings { CompanyId = e.Profile.CompanyId, Settings = add.Settings } }), Self);
            replyTo.Tell(new CompanyAddedReply(e.Profile.CompanyId, AlreadyLinked: false), Self);
        });
    }

    private void OnCloudCommand(CloudCommand command)
    {
        if (command.CompanyId.Length == 0)
        {
            foreach (var child in _children.Values)
            {
                child.Tell(command, Sender);
            }

            return;
        }

        if (_children.TryGetValue(command.CompanyId, out var company))
        {
            company.Tell(command, Sender);
        }
        else
        {
            Log.Warning("The cloud sent {Message} for company {Company}, which is not linked here", command.Message.BodyCase, command.CompanyId);
        }
    }

    private IActorRef StartCompany(CompanyProfile profile)
    {
        var props = Props.Create(() => new CompanyActor(profile, _deps));
        var supervised = BackoffSupervisor.Props(BackoffOptions.OnStop(props, "company", TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), 0.2));
        var child = Context.ActorOf(supervised, "company-" + _children.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _children[profile.CompanyId] = child;
        return child;
    }
}
