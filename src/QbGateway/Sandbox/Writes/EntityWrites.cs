using System.Xml.Linq;
using QbConnector.QbGateway.Sandbox.Simulator;
using QbConnector.QbGateway.Sandbox.Store;

namespace QbConnector.QbGateway.Sandbox.Writes;

/// <summary>CustomerAdd, VendorAdd, CustomerMod, VendorMod: names unique across entity lists (3100), EditSequence checked (3200).</summary>
internal static class EntityWrites
{
    public static RequestResult Add(XElement request, SessionContext context, SandboxDataType type)
    {
        var add = request.Element(type.Name + "Add")!;
        var name = add.Element("Name")!.Value.Trim();
        var retName = type.RetElement;
        var order = RetOrder.For(retName);
        var body = new XElement("Ret");
        string fullName = name;
        var sublevel = 0;
        if (add.Element("ParentRef") is { } parentRef)
        {
            var parent = WriteSupport.Resolve(context, parentRef, type.Name);
            fullName = parent.Name + ":" + name;
            sublevel = fullName.Count(c => c == ':');
        }

        if (context.Store.FindByName(SandboxDataType.Entities.Select(t => t.Name), fullName) is not null)
        {
            throw new WriteRejected(3100, StatusMessages.NameInUse(fullName));
        }

        foreach (var child in add.Elements())
        {
            var childName = child.Name.LocalName;
            if (!order.Contains(childName))
            {
                continue;
            }

            var value = childName.EndsWith("Ref", StringComparison.Ordinal) ? WriteSupport.ResolveToRet(context, child, type.Name) : new XElement(child);
            RetBody.ReplaceChild(body, order, value);
        }

        if (type.HasFullName)
        {
            RetBody.SetChild(body, order, "FullName", fullName);
            RetBody.SetChild(body, order, "Sublevel", sublevel.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        RetBody.SetChild(body, order, "IsActive", body.Element("IsActive")?.Value ?? "true");
        RetBody.SetChild(body, order, "Balance", "0.00");
        if (type == SandboxDataType.Customer)
        {
            RetBody.SetChild(body, order, "TotalBalance", "0.00");
        }

        var now = context.Now;
        var record = new StoredRecord
        {
            Type = type.Name,
            Id = QbFormat.Id(isList: true, context.Store.NextCounter(), now),
            EditSequence = SessionContext.NextEditSequence(now, null),
            TimeCreated = now,
            TimeModified = now,
            Name = fullName,
            IsActive = body.Element("IsActive")!.Value == "true",
            Body = RetBody.Serialize(body),
        };
        context.Store.Insert(record);
        return WriteSupport.Success(type.Name + "AddRs", request, record, context.Company.UtcOffset);
    }

    public static RequestResult Mod(XElement request, SessionContext context, SandboxDataType type)
    {
        var mod = request.Element(type.Name + "Mod")!;
        var listId = mod.Element("ListID")!.Value.Trim();
        var editSequence = mod.Element("EditSequence")!.Value.Trim();
        var record = context.Store.FindById(listId);
        if (record is null || record.Type != type.Name)
        {
            throw new WriteRejected(3120, StatusMessages.NotFound(listId));
        }

        if (!string.Equals(record.EditSequence, editSequence, StringComparison.Ordinal))
        {
            throw new WriteRejected(3200, StatusMessages.StaleEditSequence(editSequence));
        }

        var order = RetOrder.For(type.RetElement);
        var body = RetBody.Parse(record.Body);
        foreach (var child in mod.Elements())
        {
            var childName = child.Name.LocalName;
            if (childName is "ListID" or "EditSequence" || !order.Contains(childName))
            {
                continue;
            }

            if (childName == "Name")
            {
                var name = child.Value.Trim();
                var fullName = record.Name is { } old && old.Contains(':', StringComparison.Ordinal) ? old[..(old.LastIndexOf(':') + 1)] + name : name;
                var holder = context.Store.FindByName(SandboxDataType.Entities.Select(t => t.Name), fullName);
                if (holder is not null && holder.Id != record.Id)
                {
                    throw new WriteRejected(3100, StatusMessages.NameInUse(fullName));
                }

                record.Name = fullName;
                if (type.HasFullName)
                {
                    RetBody.SetChild(body, order, "FullName", fullName);
                }
            }

            var value = childName.EndsWith("Ref", StringComparison.Ordinal) ? WriteSupport.ResolveToRet(context, child, type.Name) : new XElement(child);
            RetBody.ReplaceChild(body, order, value);
        }

        record.IsActive = body.Element("IsActive")?.Value != "false";
        var now = context.Now;
        record.EditSequence = SessionContext.NextEditSequence(now, record.EditSequence);
        record.TimeModified = Math.Max(now, record.TimeModified);
        record.Body = RetBody.Serialize(body);
        context.Store.Update(record);
        return WriteSupport.Success(type.Name + "ModRs", request, record, context.Company.UtcOffset);
    }
}
