using System.Diagnostics;
using System.Globalization;
using Bogus;
using QbConnector.QbGateway.Sandbox.Store;

namespace QbConnector.QbGateway.Sandbox.Generation;

/// <summary>
/// Generates a realistic company file from a seed: chart of accounts, terms, classes, sales tax, items,
/// customers, vendors, employees, five years of transactions that reference them, consistent balances,
/// inactive records and a delete history. Streams inserts in batched transactions, so memory stays
/// constant from a dozen records to millions: a transaction finds the records it references by
/// recomputing their ids and names from their index, never by remembering them.
/// </summary>
public sealed partial class CompanyGenerator : IDisposable
{
    private const int BatchSize = 20_000;
    private const long Day = 86_400;

    private readonly GenerationOptions _options;
    private readonly RecordCounts _counts;
    private readonly CompanyStore _store;
    private readonly RecordInserter _inserter;
    private readonly Randomizer _random;
    private readonly Faker _faker;
    private readonly RetBuilder _ret = new();
    private readonly TimeSpan _offset;
    private readonly long _start;
    private readonly long _end;
    private readonly IReadOnlyList<AccountSpec> _accountSpecs;
    private StoreTransaction _transaction;
    private int _pending;
    private long _counter = 1;
    private long _txnNumber = 1;
    private long _records;
    private long _deleted;

    private long _accountBase;
    private long _termsBase;
    private long _classBase;
    private long _taxCodeBase;
    private long _taxItemBase;
    private long _itemBase;
    private long _customerBase;
    private long _vendorBase;
    private long _employeeBase;

    private CompanyGenerator(string path, GenerationOptions options)
    {
        _options = options;
        _counts = RecordCounts.For(options.Scale);
        _store = CompanyStore.Create(path);
        _inserter = _store.CreateInserter();
        _random = new Randomizer(options.Seed);
        _faker = new Faker(options.Country switch { CompanyCountry.CA => "en_CA", CompanyCountry.UK => "en_GB", _ => "en_US" }) { Random = _random };
        _offset = SandboxCompany.DefaultOffset(options.Country);
        var now = options.Time.GetUtcNow();
        var asOf = options.AsOf ?? DateOnly.FromDateTime(now.ToOffset(_offset).DateTime);
        _end = new DateTimeOffset(asOf.ToDateTime(new TimeOnly(17, 0)), _offset).ToUnixTimeSeconds();
        if (options.AsOf is null)
        {
            // A company generated "today" has nothing modified later than now: a connector syncing it
            // at once must see a past, as it would in QuickBooks.
            _end = Math.Min(_end, now.ToUnixTimeSeconds() - 1);
        }

        _start = new DateTimeOffset(asOf.AddYears(-5).ToDateTime(new TimeOnly(9, 0)), _offset).ToUnixTimeSeconds();
        _accountSpecs = ChartOfAccounts.For(options.Country);
        _transaction = _store.BeginTransaction();
    }

    /// <summary>Creates the company file at <paramref name="path"/> (which must not exist).</summary>
    public static GenerationResult Generate(string path, GenerationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Scale < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "The scale must be at least 1.");
        }

        var watch = Stopwatch.StartNew();
        long records;
        long deleted;
        using (var generator = new CompanyGenerator(path, options))
        {
            generator.Run();
            records = generator._records;
            deleted = generator._deleted;
        }

        watch.Stop();
        return new GenerationResult(path, records, deleted, watch.Elapsed, new FileInfo(path).Length);
    }

    private void Run()
    {
        WriteCompany();
        AllocateListBlocks();
        GenerateAccounts();
        GenerateTerms();
        GenerateClasses();
        GenerateSalesTax();
        GenerateItems();
        GenerateCustomers();
        GenerateVendors();
        GenerateEmployees();
        GenerateInvoicesAndPayments();
        GenerateCreditMemos();
        GenerateSalesReceipts();
        GenerateBillsAndPayments();
        GenerateChecks();
        GeneratePurchaseOrders();
        GenerateDeposits();
        GenerateJournalEntries();
        GenerateDeleteHistory();
        _store.SetMeta("next_counter", _counter.ToString(CultureInfo.InvariantCulture));
        _store.SetMeta("next_txn_number", _txnNumber.ToString(CultureInfo.InvariantCulture));
        _transaction.Commit();
        _transaction.Dispose();
        _store.CreateIndexes();
        using (var balances = _store.BeginTransaction())
        {
            BalanceUpdater.UpdateAll(_store);
            balances.Commit();
        }

        _store.Execute("PRAGMA wal_checkpoint(TRUNCATE);");
    }

    private void WriteCompany()
    {
        var name = _options.CompanyName ?? _faker.Company.CompanyName();
        _store.SetMeta("company_name", name);
        _store.SetMeta("legal_name", name);
        _store.SetMeta("country", _options.Country.ToString());
        _store.SetMeta("utc_offset_minutes", ((int)_offset.TotalMinutes).ToString(CultureInfo.InvariantCulture));
        _store.SetMeta("as_of", _end.ToString(CultureInfo.InvariantCulture));
        _store.SetMeta("seed", _options.Seed.ToString(CultureInfo.InvariantCulture));
        _store.SetMeta("scale", _options.Scale.ToString(CultureInfo.InvariantCulture));
        var address = NewAddress();
        _store.SetMeta("addr1", address.Addr1);
        _store.SetMeta("city", address.City);
        _store.SetMeta("state", address.State);
        _store.SetMeta("postal_code", address.PostalCode);
        _store.SetMeta("phone", _faker.Phone.PhoneNumber("###-###-####"));
        _store.SetMeta("first_month_fiscal_year", _options.Country == CompanyCountry.UK ? "April" : "January");
    }

    private void AllocateListBlocks()
    {
        long Block(int size)
        {
            var first = _counter;
            _counter += size;
            return first;
        }

        _accountBase = Block(_accountSpecs.Count);
        _termsBase = Block(Terms.Length);
        _classBase = Block(_counts.Classes);
        _taxCodeBase = Block(2);
        _taxItemBase = Block(1);
        _itemBase = Block(_counts.Items);
        _customerBase = Block(_counts.Customers);
        _vendorBase = Block(_counts.Vendors);
        _employeeBase = Block(_counts.Employees);
    }

    private void Insert(StoredRecord record)
    {
        _inserter.Insert(record);
        _records++;
        Tick();
    }

    private void Tick()
    {
        if (++_pending < BatchSize)
        {
            return;
        }

        _transaction.Commit();
        _transaction.Dispose();
        _transaction = _store.BeginTransaction();
        _pending = 0;
    }

    private PostalAddress NewAddress()
    {
        var address = _faker.Address;
        var state = _options.Country switch
        {
            CompanyCountry.UK => address.County(),
            _ => address.StateAbbr(),
        };
        var country = _options.Country switch { CompanyCountry.CA => "Canada", CompanyCountry.UK => "United Kingdom", _ => "USA" };
        return new PostalAddress(address.StreetAddress(), null, address.City(), state, address.ZipCode(), country);
    }

    /// <summary>splitmix64: pure pseudo-random values for things that must be recomputable from an index.</summary>
    private long Hash(long a, long b)
    {
        var x = unchecked(((ulong)a * 0x9E3779B97F4A7C15UL) ^ (ulong)b ^ ((ulong)_options.Seed << 32));
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        x ^= x >> 31;
        return (long)(x & 0x7FFFFFFFFFFFFFFFUL);
    }

    /// <summary>When the k-th of <paramref name="count"/> list records was created: spread over a share of the history.</summary>
    private long ListCreated(int salt, long k, long count, double share)
    {
        if (k == 0)
        {
            return _start + 600;
        }

        var spacing = Math.Max(2, (long)((_end - _start) * share / count));
        return _start + 600 + (long)((_end - _start) * share * k / count) + (Hash(salt, k) % (spacing / 2));
    }

    /// <summary>Highest index (exclusive) of list records created before <paramref name="time"/>.</summary>
    private long CreatedBefore(long time, long count, double share)
    {
        var fraction = (time - _start) / ((_end - _start) * share);
        return Math.Clamp((long)(fraction * count), 1, count);
    }

    private (long Created, long Modified, string EditSequence) ListTimes(int salt, long k, long count, double share)
    {
        var created = ListCreated(salt, k, count, share);
        var modified = created;
        if (Hash(salt + 1000, k) % 100 < 35)
        {
            modified = created + (Hash(salt + 2000, k) % Math.Max(1, _end - created));
        }

        return (created, modified, modified.ToString(CultureInfo.InvariantCulture));
    }

    private (long Created, long Modified, string EditSequence, DateOnly TxnDate) TxnTimes(long i, long count)
    {
        var span = _end - _start - Day;
        var created = _start + Day + (long)(span * ((i + _random.Double()) / count));
        created = Math.Min(created, _end);
        var modified = created;
        if (_random.Double() < 0.25)
        {
            modified = Math.Min(_end, created + (long)(_random.Double() * 45 * Day));
        }

        var txnDate = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(created).ToOffset(_offset).DateTime);
        return (created, modified, modified.ToString(CultureInfo.InvariantCulture), txnDate);
    }

    private string NewTxnId(long created) => QbFormat.Id(isList: false, _counter++, created);

    private string NewLineId(long created) => QbFormat.Id(isList: false, _counter++, created);

    private long LocalToUnix(DateOnly date, int hour) =>
        new DateTimeOffset(date.ToDateTime(new TimeOnly(hour, 0)), _offset).ToUnixTimeSeconds();

    private static int DayNumber(DateOnly date) => date.DayNumber;

    public void Dispose()
    {
        _ret.Dispose();
        _inserter.Dispose();
        _transaction.Dispose();
        _store.Dispose();
    }
}
