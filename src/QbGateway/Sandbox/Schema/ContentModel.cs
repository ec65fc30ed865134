namespace QbConnector.QbGateway.Sandbox.Schema;

/// <summary>
/// A content model from the qbXML schema (sequence, choice, element, with occurrence bounds),
/// parsed from the compact expressions in <see cref="QbXmlContentModels"/>, and matched against the
/// names of an element's children the way a validating parser would.
/// </summary>
internal abstract class ContentModel
{
    private ContentModel(bool optional, bool repeated)
    {
        Optional = optional;
        Repeated = repeated;
    }

    public bool Optional { get; }

    public bool Repeated { get; }

    /// <summary>True when <paramref name="children"/> is a valid sequence of child names for this model.</summary>
    public bool Matches(IReadOnlyList<string> children)
    {
        var ends = Advance(children, new HashSet<int> { 0 });
        return ends.Contains(children.Count);
    }

    /// <summary>Element names in the order they appear in the model (choices flattened in declaration order).</summary>
    public IEnumerable<string> ElementNamesInOrder()
    {
        switch (this)
        {
            case ElementModel e:
                yield return e.Name;
                break;
            case GroupModel g:
                foreach (var item in g.Items)
                {
                    foreach (var name in item.ElementNamesInOrder())
                    {
                        yield return name;
                    }
                }

                break;
        }
    }

    public static ContentModel Parse(string expression)
    {
        var position = 0;
        var items = new List<ContentModel>();
        var isChoice = false;
        while (position < expression.Length)
        {
            items.Add(ParseParticle(expression, ref position));
            if (position < expression.Length)
            {
                isChoice = expression[position] == '|';
                position++;
            }
        }

        return new GroupModel(items, isChoice, optional: false, repeated: false);
    }

    private static ContentModel ParseParticle(string s, ref int position)
    {
        ContentModel inner;
        if (s[position] == '(')
        {
            position++;
            var items = new List<ContentModel>();
            var isChoice = false;
            while (s[position] != ')')
            {
                items.Add(ParseParticle(s, ref position));
                if (s[position] is ',' or '|')
                {
                    isChoice = s[position] == '|';
                    position++;
                }
            }

            position++;
            var (optional, repeated) = ParseOccurrence(s, ref position);
            inner = new GroupModel(items, isChoice, optional, repeated);
        }
        else
        {
            var start = position;
            while (position < s.Length && (char.IsLetterOrDigit(s[position]) || s[position] == '_'))
            {
                position++;
            }

            var name = s[start..position];
            var (optional, repeated) = ParseOccurrence(s, ref position);
            inner = new ElementModel(name, optional, repeated);
        }

        return inner;
    }

    private static (bool Optional, bool Repeated) ParseOccurrence(string s, ref int position)
    {
        if (position >= s.Length)
        {
            return (false, false);
        }

        switch (s[position])
        {
            case '?':
                position++;
                return (true, false);
            case '*':
                position++;
                return (true, true);
            case '+':
                position++;
                return (false, true);
            default:
                return (false, false);
        }
    }

    /// <summary>From a set of start positions, every position reachable after matching this particle once or more (with its occurrence bounds).</summary>
    private HashSet<int> Advance(IReadOnlyList<string> children, HashSet<int> starts)
    {
        var once = AdvanceOnce(children, starts);
        var result = new HashSet<int>(once);
        if (Repeated)
        {
            var frontier = new HashSet<int>(once);
            while (frontier.Count > 0)
            {
                var next = AdvanceOnce(children, frontier);
                frontier = [.. next.Where(result.Add)];
            }
        }

        if (Optional)
        {
            result.UnionWith(starts);
        }

        return result;
    }

    private protected abstract HashSet<int> AdvanceOnce(IReadOnlyList<string> children, HashSet<int> starts);

    private sealed class ElementModel(string name, bool optional, bool repeated) : ContentModel(optional, repeated)
    {
        public string Name { get; } = name;

        private protected override HashSet<int> AdvanceOnce(IReadOnlyList<string> children, HashSet<int> starts)
        {
            var result = new HashSet<int>();
            foreach (var start in starts)
            {
                if (start < children.Count && string.Equals(children[start], Name, StringComparison.Ordinal))
                {
                    result.Add(start + 1);
                }
            }

            return result;
        }
    }

    private sealed class GroupModel(List<ContentModel> items, bool isChoice, bool optional, bool repeated) : ContentModel(optional, repeated)
    {
        public IReadOnlyList<ContentModel> Items { get; } = items;

        private protected override HashSet<int> AdvanceOnce(IReadOnlyList<string> children, HashSet<int> starts)
        {
            if (isChoice)
            {
                var result = new HashSet<int>();
                foreach (var item in Items)
                {
                    result.UnionWith(item.Advance(children, starts));
                }

                return result;
            }

            var current = starts;
            foreach (var item in Items)
            {
                current = item.Advance(children, current);
                if (current.Count == 0)
                {
                    break;
                }
            }

            return current;
        }
    }
}
