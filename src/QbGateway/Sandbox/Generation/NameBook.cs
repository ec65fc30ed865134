using System.Globalization;

namespace QbConnector.QbGateway.Sandbox.Generation;

/// <summary>
/// Deterministic, collision-free names for the k-th record of a list, so that a transaction can
/// reference any earlier record by computing its name rather than remembering it (constant memory).
/// Customers are "First Last", vendors "Last Trade Suffix", employees "First M. Last": the shapes never
/// collide, as QuickBooks requires names unique across customers, vendors and employees.
/// </summary>
internal static class NameBook
{
    private static readonly string[] First =
    [
        "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David", "Elizabeth", "William", "Barbara", "Richard", "Susan",
        "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen", "Christopher", "Lisa", "Daniel", "Nancy", "Matthew", "Betty", "Anthony", "Margaret",
        "Mark", "Sandra", "Donald", "Ashley", "Steven", "Kimberly", "Paul", "Emily", "Andrew", "Donna", "Joshua", "Michelle", "Kenneth", "Carol",
        "Kevin", "Amanda", "Brian", "Dorothy", "George", "Melissa", "Timothy", "Deborah", "Ronald", "Stephanie", "Edward", "Rebecca", "Jason", "Sharon",
        "Jeffrey", "Laura", "Ryan", "Cynthia", "Jacob", "Kathleen", "Gary", "Amy", "Nicholas", "Angela", "Eric", "Shirley", "Jonathan", "Anna",
        "Stephen", "Brenda", "Larry", "Pamela", "Justin", "Emma", "Scott", "Nicole", "Brandon", "Helen", "Benjamin", "Samantha", "Samuel", "Katherine",
        "Gregory", "Christine", "Alexander", "Debra", "Frank", "Rachel", "Patrick", "Carolyn", "Raymond", "Janet", "Jack", "Catherine", "Dennis", "Maria",
        "Jerry", "Heather", "Tyler", "Diane", "Aaron", "Ruth", "Jose", "Julie", "Adam", "Olivia", "Nathan", "Joyce", "Henry", "Virginia",
    ];

    private static readonly string[] Last =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson",
        "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez",
        "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams",
        "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker",
        "Cruz", "Edwards", "Collins", "Reyes", "Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper",
        "Peterson", "Bailey", "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson", "Watson", "Brooks", "Chavez", "Wood",
        "James", "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes", "Price", "Alvarez", "Castillo", "Sanders", "Patel", "Myers", "Long", "Ross",
        "Foster", "Jimenez", "Powell", "Jenkins", "Perry", "Russell", "Sullivan", "Bell", "Coleman", "Butler", "Henderson", "Barnes", "Gonzales", "Fisher",
    ];

    private static readonly string[] Trades =
    [
        "Supply", "Office Products", "Plumbing", "Electric", "Hardware", "Lumber", "Insurance", "Printing", "Freight", "Landscaping",
        "Consulting", "Telecom", "Equipment Rental", "Fuel", "Catering", "Cleaning", "Software", "Paper", "Tools", "Uniforms",
    ];

    private static readonly string[] Suffixes = ["Co", "Inc", "LLC", "Ltd", "Group", "Partners"];

    private static readonly string[] ItemAdjectives =
    [
        "Standard", "Premium", "Basic", "Deluxe", "Custom", "Heavy Duty", "Compact", "Advanced", "Economy", "Professional", "Classic", "Modular",
    ];

    private static readonly string[] ServiceNouns =
    [
        "Consultation", "Installation", "Repair", "Design", "Maintenance", "Training", "Inspection", "Labor", "Delivery", "Setup", "Support", "Assessment",
    ];

    private static readonly string[] ProductNouns =
    [
        "Cabinet", "Door", "Window", "Faucet", "Light Fixture", "Tile", "Panel", "Valve", "Pump", "Bracket", "Hinge", "Shelf", "Desk", "Chair", "Filter",
    ];

    private static readonly string[] ChargeNouns = ["Freight", "Handling Fee", "Rush Fee", "Permit Fee", "Travel", "Restocking Fee", "Disposal Fee", "Setup Fee"];

    /// <summary>A large prime used to scatter k over the name grid so consecutive records do not share a first name.</summary>
    private const long Scatter = 7919;

    public static string Customer(long k)
    {
        var (index, round) = Spread(k, (long)First.Length * Last.Length);
        var name = $"{First[index % First.Length]} {Last[index / First.Length]}";
        return WithRound(name, round);
    }

    public static (string First, string Last) CustomerParts(long k)
    {
        var (index, _) = Spread(k, (long)First.Length * Last.Length);
        return (First[index % First.Length], Last[index / First.Length]);
    }

    public static string Vendor(long k)
    {
        var grid = (long)Last.Length * Trades.Length * Suffixes.Length;
        var (index, round) = Spread(k, grid);
        var last = Last[index % Last.Length];
        var trade = Trades[index / Last.Length % Trades.Length];
        var suffix = Suffixes[index / Last.Length / Trades.Length];
        return WithRound($"{last} {trade} {suffix}", round);
    }

    public static string Employee(long k)
    {
        var grid = (long)First.Length * 26 * Last.Length;
        var (index, round) = Spread(k, grid);
        var first = First[index % First.Length];
        var initial = (char)('A' + (index / First.Length % 26));
        var last = Last[index / First.Length / 26];
        return WithRound($"{first} {initial}. {last}", round);
    }

    /// <summary>Item names, unique across every item type (they share one namespace).</summary>
    public static string Item(long k, string kind)
    {
        var nouns = kind switch
        {
            "Service" => ServiceNouns,
            "OtherCharge" => ChargeNouns,
            _ => ProductNouns,
        };
        var grid = (long)ItemAdjectives.Length * nouns.Length;
        var index = (int)(k % grid);
        var name = $"{ItemAdjectives[index % ItemAdjectives.Length]} {nouns[index / ItemAdjectives.Length]}";
        // Item names are at most 31 characters; the number keeps them unique across kinds and rounds.
        var tag = string.Create(CultureInfo.InvariantCulture, $" {k + 1}");
        return (name.Length + tag.Length > 31 ? name[..(31 - tag.Length)] : name) + tag;
    }

    private static (int Index, long Round) Spread(long k, long grid)
    {
        var round = k / grid;
        var index = (int)(k % grid * Scatter % grid);
        return (index, round);
    }

    private static string WithRound(string name, long round) =>
        round == 0 ? name : string.Create(CultureInfo.InvariantCulture, $"{name} {round + 1}");
}
