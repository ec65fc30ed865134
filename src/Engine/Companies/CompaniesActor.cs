using QbConnector.CloudContract.V1;
using QbConnector.Engine.Actors.Ask;
using QbConnector.Engine.Actors.Core;
using QbConnector.Engine.Actors.Supervision;
using QbConnector.Engine.Cloud.Link;
using QbConnector.Engine.Companies.Events;
using QbConnector.Engine.Persistence.Eventsourced;

namespace QbConnector.Engine.Companies;

/// <summary>
/// The linked companies of this install: persists who is linked, runs one company actor per
/// company file (each under a backoff supervisor, so one company's failure never stops another),
/// routes what the cloud and the person ask to the right one, and removes a company (unlink,
/// deauthorise, one-time done) without touching the others.
/// </summary>
public sealed class CompaniesActor : PersistentActor
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private readonly CompanyDependencies _deps;
    private readonly CompanyDirectory _directory;
    private readonly CompanyRemovalServices? _removal;
    private readonly Dictionary<string, IActorRef> _children = new(StringComparer.Ordinal);
    private IDisposable? _oneTimeSubscription;
    private long _started;

    public CompaniesActor(CompanyDependencies deps, CompanyDirectory directory)
        : this(deps, directory, null)
    {
    }

    public CompaniesActor(CompanyDependencies deps, CompanyDirectory directory, CompanyRemovalServices? removal)
    {
        _deps = deps;
        _directory = directory;
        _removal = removal;

        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is CompaniesSnapshot snapshot)
            {
                foreach (var profile in snapshot.Linked)
                {
                    _directory.Set(profile);
                }
            }
        });
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
        Command<ToCompany>(to =>
        {
            if (_children.TryGetValue(to.CompanyId, out var child))
            {
                child.Tell(to.Message, Sender);
            }
            else
            {
                Sender.Tell(new CompanyNotLinked(to.CompanyId), Self);
            }
        });
        CommandAsync<RemoveCompany>(remove => RemoveAsync(remove, Sender));
        Command<OneTimeSyncDone>(done =>
        {
            if (_children.ContainsKey(done.CompanyId))
            {
                Self.Tell(new RemoveCompany(done.CompanyId, "The one-time sync is complete: the company's data has been sent and its link ended.", TellCloud: true, OneTime: true), ActorRefs.Nobody);
            }
        });
        Command<SaveSnapshotSuccess>(saved => DeleteMessages(saved.Metadata.SequenceNr));
        Command<SaveSnapshotFailure>(failed => Log.Warning(failed.Cause, "The companies snapshot could not be saved; removed companies' events are kept"));
        Command<DeleteMessagesSuccess>(_ => { });
        Command<DeleteMessagesFailure>(failed => Log.Warning(failed.Cause, "Removed companies' events could not be deleted"));
    }

    public override string PersistenceId => "companies";

    protected override void PreStart()
    {
        var self = Self;
        _oneTimeSubscription = Context.System.EventStream.Subscribe<OneTimeSyncDone>(done => self.Tell(done, ActorRefs.Nobody));
    }

    protected override void PostStop() => _oneTimeSubscription?.Dispose();

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
            _deps.Status.Linked(e.Profile.CompanyId);
            var child = StartCompany(e.Profile);
            child.Tell(new CloudCommand(e.Profile.CompanyId, new ServerMessage { Settings = new CompanySettings { CompanyId = e.Profile.CompanyId, Settings = add.Settings } }), Self);
            replyTo.Tell(new CompanyAddedReply(e.Profile.CompanyId, AlreadyLinked: false), Self);
        });
    }

    private void OnCloudCommand(CloudCommand command)
    {
        if (command.Message.BodyCase == ServerMessage.BodyOneofCase.Deauthorise)
        {
            if (_children.ContainsKey(command.CompanyId))
            {
                var reason = command.Message.Deauthorise.Reason is { Length: > 0 } said ? said : "The company was deauthorised on the platform.";
                Self.Tell(new RemoveCompany(command.CompanyId, reason, TellCloud: false), ActorRefs.Nobody);
            }

            return;
        }

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

    /// <summary>
    /// Stops the company (its unsent pages and events go), tells the cloud if asked, and forgets
    /// it; the last company takes the install credential with it.
    /// </summary>
    private async Task RemoveAsync(RemoveCompany remove, IActorRef replyTo)
    {
        var id = remove.CompanyId;
        if (!_children.TryGetValue(id, out var child))
        {
            replyTo.Tell(new CompanyRemovedReply(id, Found: false, CloudTold: false, _children.Count), Self);
            return;
        }

        try
        {
            await child.Ask<CompanyStopped>(StopForRemoval.Instance, StopTimeout);
        }
        catch (AskTimeoutException)
        {
            Log.Warning("Company {Company} did not confirm it stopped; removing it anyway", id);
        }

        Context.Stop(child);
        _children.Remove(id);
        // Again here, in case the company could not: no page of a removed company is ever sent.
        await _deps.Outbox.DeleteCompanyAsync(id);
        var told = false;
        if (remove.TellCloud && _removal is not null)
        {
            told = await _removal.Cloud.UnlinkAsync(id, remove.Reason, CancellationToken.None);
        }

        Persist(new CompanyRemoved(id, _deps.Time.GetUtcNow()), e =>
        {
            _directory.Remove(id);
            _deps.Status.MarkRemoved(id, remove.Reason, e.RemovedAt);
            Log.Information("Company {Company} removed: {Reason} (cloud told: {CloudTold})", id, remove.Reason, told);
            if (_children.Count == 0 && _removal is not null)
            {
                _removal.Credentials.Delete(CloudLinkActor.CredentialKey);
                _removal.CloudLink.Tell(CredentialRemoved.Instance, Self);
                Log.Information("No company is linked any more: the install credential is destroyed");
            }

            // The removed company's profile (name, file path) lives on only until the snapshot replaces the events.
            SaveSnapshot(new CompaniesSnapshot(_directory.Profiles.ToList()));
            replyTo.Tell(new CompanyRemovedReply(id, Found: true, told, _children.Count), Self);
            if (remove.OneTime && _children.Count == 0)
            {
                _removal?.OneTimeFinished?.Invoke();
            }
        });
    }

    private IActorRef StartCompany(CompanyProfile profile)
    {
        var props = Props.Create(() => new CompanyActor(profile, _deps));
        var supervised = BackoffSupervisor.Props(BackoffOptions.OnStop(props, "company", TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), 0.2));
        // Never reuse a name: a removed company's actor may still be stopping.
        var child = Context.ActorOf(supervised, "company-" + (_started++).ToString(System.Globalization.CultureInfo.InvariantCulture));
        _children[profile.CompanyId] = child;
        return child;
    }
}
