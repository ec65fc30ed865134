using System.Globalization;
using QbConnector.QbGateway.Sandbox.Store;

namespace QbConnector.QbGateway.Sandbox.Generation;

public sealed partial class CompanyGenerator
{
    private static readonly (string Name, int DueDays, int DiscountDays, decimal DiscountPct)[] Terms =
    [
        ("Due on receipt", 0, 0, 0m), ("Net 15", 15, 0, 0m), ("Net 30", 30, 0, 0m), ("Net 60", 60, 0, 0m), ("2% 10 Net 30", 30, 10, 2m),
    ];

    private static readonly string[] ClassNames = ["Residential", "Commercial", "Government", "Online", "Retail", "Wholesale", "Service Plans", "Projects"];

    private readonly record struct ItemInfo(string Kind, string Id, string Name, decimal Price, decimal Cost, int IncomeAccount, bool Taxable);

    private (string Id, string Name) AccountRef(int index) =>
        (QbFormat.Id(isList: true, _accountBase + index, _start), _accountSpecs[index].Name);

    private (string Id, string Name) TermsRef(int index) => (QbFormat.Id(isList: true, _termsBase + index, _start), Terms[index].Name);

    private (string Id, string Name) ClassRef(int index) => (QbFormat.Id(isList: true, _classBase + index, _start), ClassNames[index]);

    private (string Id, string Name) TaxCodeRef(bool taxable) =>
        (QbFormat.Id(isList: true, _taxCodeBase + (taxable ? 0 : 1), _start), TaxCodeNames.Taxable(_options.Country, taxable));

    private (string Id, string Name) TaxItemRef() => (QbFormat.Id(isList: true, _taxItemBase, _start), TaxCodeNames.TaxItem(_options.Country));

    private decimal TaxRate => TaxCodeNames.Rate(_options.Country);

    private (string Id, string Name) CustomerRef(long k) =>
        (QbFormat.Id(isList: true, _customerBase + k, ListCreated(1, k, _counts.Customers, 0.9)), NameBook.Customer(k));

    private (string Id, string Name) VendorRef(long k) =>
        (QbFormat.Id(isList: true, _vendorBase + k, ListCreated(2, k, _counts.Vendors, 0.8)), NameBook.Vendor(k));

    private (string Id, string Name) EmployeeRef(long k) =>
        (QbFormat.Id(isList: true, _employeeBase + k, ListCreated(3, k, _counts.Employees, 0.8)), NameBook.Employee(k));

    private ItemInfo Item(long k)
    {
        var (kind, incomeAccount, taxable) =
            k < _counts.ServiceItems ? ("Service", ChartOfAccounts.ServiceIncome, false)
            : k < _counts.ServiceItems + _counts.NonInventoryItems ? ("NonInventory", ChartOfAccounts.ProductSales, true)
            : k < _counts.ServiceItems + _counts.NonInventoryItems + _counts.OtherChargeItems ? ("OtherCharge", ChartOfAccounts.FeesIncome, false)
            : ("Inventory", ChartOfAccounts.ProductSales, true);
        var price = kind == "Service" ? 45m + (Hash(10, k) % 32 * 5) : 5m + (Hash(11, k) % 40000 / 100m);
        var cost = Math.Round(price * 0.6m, 2);
        var id = QbFormat.Id(isList: true, _itemBase + k, ListCreated(4, k, _counts.Items, 0.3));
        return new ItemInfo(kind, id, NameBook.Item(k, kind), price, cost, incomeAccount, taxable);
    }

    private void GenerateAccounts()
    {
        for (var i = 0; i < _accountSpecs.Count; i++)
        {
            var spec = _accountSpecs[i];
            var (id, name) = AccountRef(i);
            var body = _ret.El("Name", name).El("FullName", name).Bool("IsActive", true).El("Sublevel", "0")
                .El("AccountType", spec.AccountType).El("SpecialAccountType", spec.SpecialAccountType).El("AccountNumber", spec.Number)
                .Amount("Balance", 0m).Amount("TotalBalance", 0m).Finish();
            InsertList(SandboxDataType.Account, id, _start, _start, name, isActive: true, body);
        }
    }

    private void GenerateTerms()
    {
        for (var i = 0; i < Terms.Length; i++)
        {
            var (id, name) = TermsRef(i);
            var terms = Terms[i];
            var body = _ret.El("Name", name).Bool("IsActive", true).El("StdDueDays", terms.DueDays.ToString(CultureInfo.InvariantCulture))
                .El("StdDiscountDays", terms.DiscountDays.ToString(CultureInfo.InvariantCulture)).El("DiscountPct", QbFormat.Percent(terms.DiscountPct)).Finish();
            InsertList(SandboxDataType.StandardTerms, id, _start, _start, name, isActive: true, body);
        }
    }

    private void GenerateClasses()
    {
        for (var i = 0; i < _counts.Classes; i++)
        {
            var (id, name) = ClassRef(i);
            var active = i < 6 || i % 2 == 0;
            var body = _ret.El("Name", name).El("FullName", name).Bool("IsActive", active).El("Sublevel", "0").Finish();
            InsertList(SandboxDataType.Class, id, _start, _start, name, active, body);
        }
    }

    private void GenerateSalesTax()
    {
        var (vendorId, vendorName) = VendorRef(0);
        var (taxItemId, taxItemName) = TaxItemRef();
        var taxItem = _ret.El("Name", taxItemName).Bool("IsActive", true).El("ItemDesc", TaxCodeNames.TaxItemDescription(_options.Country))
            .El("TaxRate", QbFormat.Percent(TaxRate)).Ref("TaxVendorRef", vendorId, vendorName).Finish();
        InsertList(SandboxDataType.ItemSalesTax, taxItemId, _start, _start, taxItemName, isActive: true, taxItem);

        foreach (var taxable in new[] { true, false })
        {
            var (id, name) = TaxCodeRef(taxable);
            var body = _ret.El("Name", name).Bool("IsActive", true).Bool("IsTaxable", taxable)
                .El("Desc", taxable ? "Taxable Sales" : "Non-Taxable Sales").Finish();
            InsertList(SandboxDataType.SalesTaxCode, id, _start, _start, name, isActive: true, body);
        }
    }

    private void GenerateItems()
    {
        for (long k = 0; k < _counts.Items; k++)
        {
            var item = Item(k);
            var (created, modified, _) = ListTimes(4, k, _counts.Items, 0.3);
            var active = Hash(40, k) % 100 >= 4;
            var (taxId, taxName) = TaxCodeRef(item.Taxable);
            var (incomeId, incomeName) = AccountRef(item.IncomeAccount);
            _ret.El("Name", item.Name).El("FullName", item.Name).Bool("IsActive", active).El("Sublevel", "0");
            SandboxDataType type;
            if (item.Kind == "Inventory")
            {
                var (cogsId, cogsName) = AccountRef(ChartOfAccounts.CostOfGoodsSold);
                var (assetId, assetName) = AccountRef(ChartOfAccounts.InventoryAsset);
                var onHand = Hash(41, k) % 200;
                _ret.Ref("SalesTaxCodeRef", taxId, taxName).El("SalesDesc", item.Name).Amount("SalesPrice", item.Price).Ref("IncomeAccountRef", incomeId, incomeName)
                    .El("PurchaseDesc", item.Name).Amount("PurchaseCost", item.Cost).Ref("COGSAccountRef", cogsId, cogsName)
                    .Ref("AssetAccountRef", assetId, assetName).El("ReorderPoint", "10")
                    .El("QuantityOnHand", onHand.ToString(CultureInfo.InvariantCulture)).Amount("AverageCost", item.Cost)
                    .El("QuantityOnOrder", "0").El("QuantityOnSalesOrder", "0");
                type = SandboxDataType.ItemInventory;
            }
            else
            {
                _ret.Ref("SalesTaxCodeRef", taxId, taxName).Begin("SalesOrPurchase").El("Desc", item.Name)
                    .Amount("Price", item.Price).Ref("AccountRef", incomeId, incomeName).End();
                type = item.Kind switch
                {
                    "Service" => SandboxDataType.ItemService,
                    "NonInventory" => SandboxDataType.ItemNonInventory,
                    _ => SandboxDataType.ItemOtherCharge,
                };
            }

            InsertList(type, item.Id, created, modified, item.Name, active, _ret.Finish());
        }
    }

    private void GenerateCustomers()
    {
        for (long k = 0; k < _counts.Customers; k++)
        {
            var (id, name) = CustomerRef(k);
            var (first, last) = NameBook.CustomerParts(k);
            var (created, modified, _) = ListTimes(1, k, _counts.Customers, 0.9);
            var active = k == 0 || Hash(50, k) % 100 >= 6;
            var address = NewAddress();
            var (termsId, termsName) = TermsRef(1 + (int)(Hash(51, k) % 3));
            var (taxId, taxName) = TaxCodeRef(Hash(52, k) % 10 != 0);
            var (taxItemId, taxItemName) = TaxItemRef();
            _ret.El("Name", name).El("FullName", name).Bool("IsActive", active).El("Sublevel", "0");
            if (Hash(53, k) % 3 == 0)
            {
                _ret.El("CompanyName", $"{last} {_faker.Company.CompanySuffix()}");
            }

            _ret.El("FirstName", first).El("LastName", last).Address("BillAddress", address).Address("ShipAddress", address)
                .El("Phone", _faker.Phone.PhoneNumber("###-###-####"))
                .El("Email", $"{first}.{last}{k}@example.com".ToLowerInvariant())
                .Ref("TermsRef", termsId, termsName).Amount("Balance", 0m).Amount("TotalBalance", 0m)
                .Ref("SalesTaxCodeRef", taxId, taxName);
            if (_options.Country == CompanyCountry.US)
            {
                _ret.Ref("ItemSalesTaxRef", taxItemId, taxItemName);
            }

            _ret.Amount("CreditLimit", 1000m * (1 + (Hash(54, k) % 20)));
            InsertList(SandboxDataType.Customer, id, created, modified, name, active, _ret.Finish());
        }
    }

    private void GenerateVendors()
    {
        for (long k = 0; k < _counts.Vendors; k++)
        {
            var (id, name) = VendorRef(k);
            var (created, modified, _) = ListTimes(2, k, _counts.Vendors, 0.8);
            var active = k == 0 || Hash(60, k) % 100 >= 5;
            var (termsId, termsName) = TermsRef(2);
            _ret.El("Name", name).Bool("IsActive", active).El("CompanyName", name).Address("VendorAddress", NewAddress())
                .El("Phone", _faker.Phone.PhoneNumber("###-###-####")).El("Email", $"accounts{k}@example.com")
                .El("NameOnCheck", name).El("AccountNumber", (10000 + k).ToString(CultureInfo.InvariantCulture))
                .Ref("TermsRef", termsId, termsName);
            if (_options.Country == CompanyCountry.US)
            {
                _ret.Bool("IsVendorEligibleFor1099", Hash(61, k) % 4 == 0);
            }

            _ret.Amount("Balance", 0m);
            InsertList(SandboxDataType.Vendor, id, created, modified, name, active, _ret.Finish());
        }
    }

    private void GenerateEmployees()
    {
        for (long k = 0; k < _counts.Employees; k++)
        {
            var (id, name) = EmployeeRef(k);
            var parts = name.Split(' ');
            var (created, modified, _) = ListTimes(3, k, _counts.Employees, 0.8);
            var active = k == 0 || Hash(70, k) % 100 >= 15;
            var hired = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(created).ToOffset(_offset).DateTime);
            var body = _ret.El("Name", name).Bool("IsActive", active).El("FirstName", parts[0]).El("MiddleName", parts[1].TrimEnd('.'))
                .El("LastName", parts[2]).El("Phone", _faker.Phone.PhoneNumber("###-###-####"))
                .El("Email", $"employee{k}@example.com").El("HiredDate", QbFormat.Date(hired)).Finish();
            InsertList(SandboxDataType.Employee, id, created, modified, name, active, body);
        }
    }

    private void InsertList(SandboxDataType type, string id, long created, long modified, string name, bool isActive, string body) =>
        Insert(new StoredRecord
        {
            Type = type.Name,
            Id = id,
            EditSequence = modified.ToString(CultureInfo.InvariantCulture),
            TimeCreated = created,
            TimeModified = modified,
            Name = name,
            IsActive = isActive,
            Body = body,
        });
}
