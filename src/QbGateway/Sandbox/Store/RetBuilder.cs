using System.Text;
using System.Xml;

namespace QbConnector.QbGateway.Sandbox.Store;

/// <summary>Writes the body of a Ret (the elements after EditSequence) with an XmlWriter, in the order the caller gives (schema order).</summary>
internal sealed class RetBuilder : IDisposable
{
    private static readonly XmlWriterSettings Settings = new()
    {
        ConformanceLevel = ConformanceLevel.Fragment,
        OmitXmlDeclaration = true,
        Indent = false,
        CheckCharacters = true,
    };

    private readonly StringBuilder _text = new(1024);
    private XmlWriter _writer;

    public RetBuilder()
    {
        _writer = XmlWriter.Create(_text, Settings);
    }

    public RetBuilder El(string name, string? value)
    {
        if (value is not null)
        {
            _writer.WriteElementString(name, value);
        }

        return this;
    }

    public RetBuilder Amount(string name, decimal value) => El(name, Store.QbFormat.Amount(value));

    public RetBuilder Bool(string name, bool value) => El(name, Store.QbFormat.Bool(value));

    public RetBuilder Ref(string name, string? listId, string? fullName)
    {
        if (listId is null && fullName is null)
        {
            return this;
        }

        _writer.WriteStartElement(name);
        El("ListID", listId);
        El("FullName", fullName);
        _writer.WriteEndElement();
        return this;
    }

    public RetBuilder Begin(string name)
    {
        _writer.WriteStartElement(name);
        return this;
    }

    public RetBuilder End()
    {
        _writer.WriteEndElement();
        return this;
    }

    public RetBuilder Address(string name, PostalAddress? address)
    {
        if (address is null)
        {
            return this;
        }

        Begin(name).El("Addr1", address.Addr1).El("Addr2", address.Addr2).El("City", address.City)
            .El("State", address.State).El("PostalCode", address.PostalCode).El("Country", address.Country);
        return End();
    }

    /// <summary>Returns the fragment written so far and starts a new one.</summary>
    public string Finish()
    {
        _writer.Flush();
        _writer.Dispose();
        var result = _text.ToString();
        _text.Clear();
        _writer = XmlWriter.Create(_text, Settings);
        return result;
    }

    public void Dispose() => _writer.Dispose();
}

internal sealed record PostalAddress(string Addr1, string? Addr2, string City, string State, string PostalCode, string Country);
