using System.Collections.Concurrent;
using System.Xml.Linq;

namespace QbConnector.QbGateway.Sandbox.Schema;

/// <summary>
/// Checks a request against the qbXML 13.0 content models the way QuickBooks' validating parser does:
/// unknown elements, elements out of sequence, missing required elements, text where an aggregate is
/// expected and values outside an enumeration all make the whole message set fail (0x80040400).
/// </summary>
internal static class RequestValidator
{
    private static readonly ConcurrentDictionary<string, ContentModel> Parsed = new(StringComparer.Ordinal);

    /// <summary>Null when valid, otherwise why not (for the sandbox's log; QuickBooks itself says nothing).</summary>
    public static string? Validate(XElement element)
    {
        var name = element.Name.LocalName;
        if (element.Name.Namespace != XNamespace.None)
        {
            return $"{name} is in a namespace";
        }

        if (QbXmlContentModels.Models.TryGetValue(name, out var expression))
        {
            var model = Parsed.GetOrAdd(name, _ => ContentModel.Parse(expression));
            var children = element.Elements().Select(e => e.Name.LocalName).ToList();
            if (!model.Matches(children))
            {
                return $"{name}: children [{string.Join(", ", children)}] do not follow the schema";
            }

            if (children.Count > 0 && element.Nodes().OfType<XText>().Any(t => !string.IsNullOrWhiteSpace(t.Value)))
            {
                return $"{name}: text inside an aggregate";
            }

            foreach (var child in element.Elements())
            {
                var problem = Validate(child);
                if (problem is not null)
                {
                    return problem;
                }
            }

            return null;
        }

        if (element.HasElements)
        {
            return $"{name}: elements inside a value";
        }

        if (QbXmlContentModels.Enumerations.TryGetValue(name, out var values) && !values.Contains(element.Value.Trim(), StringComparer.Ordinal))
        {
            return $"{name}: '{element.Value}' is not one of its values";
        }

        return null;
    }
}
