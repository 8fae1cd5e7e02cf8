using System.Text.RegularExpressions;
using Infra.Model.Policy;

namespace Infra.Model.Tests.Policy;

/// <summary>The catalogue's metadata is complete and docs/guard-rails.md lists it as it is.</summary>
public partial class CatalogTests
{
    [Fact]
    public void Every_rule_has_a_unique_well_formed_id_a_title_a_rationale_and_well_formed_equivalents()
    {
        Assert.Equal(PolicyCatalog.Default.Count, PolicyCatalog.RuleIds.Distinct().Count());
        Assert.All(PolicyCatalog.Default, rule =>
        {
            Assert.Matches(RuleIdPattern(), rule.Id);
            Assert.False(string.IsNullOrWhiteSpace(rule.Title));
            Assert.EndsWith(".", rule.Rationale, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', rule.Rationale);
            Assert.All(rule.Equivalents, id => Assert.Matches(EquivalentPattern(), id));
        });
    }

    [Fact]
    public void The_rules_table_of_the_guard_rails_doc_matches_the_catalogue()
    {
        var doc = File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "guard-rails.md"));
        var header = Array.FindIndex(doc, line => line.StartsWith("| Id | What it checks |", StringComparison.Ordinal));
        Assert.True(header >= 0, "docs/guard-rails.md has no rules table.");
        var rows = doc
            .Skip(header + 2)
            .TakeWhile(line => line.StartsWith('|'))
            .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray())
            .ToList();

        Assert.Equal(PolicyCatalog.RuleIds, rows.Select(r => r[1]));
        foreach (var (rule, row) in PolicyCatalog.Default.Zip(rows))
        {
            Assert.Equal(rule.Title, row[2]);
            Assert.Equal(rule.Rationale, row[3]);
            var equivalents = EquivalentInDoc().Matches(row[4]).Select(m => m.Value);
            Assert.Equal(rule.Equivalents, equivalents);
        }
    }

    [Fact]
    public void The_readme_lists_every_rule_id()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));

        Assert.All(PolicyCatalog.RuleIds, id => Assert.Contains($"| {id} |", readme, StringComparison.Ordinal));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Pulumi.yaml")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("No Pulumi.yaml above the test binaries.");
    }

    [GeneratedRegex(@"^PC-[A-Z0-9]+-\d{3}$")]
    private static partial Regex RuleIdPattern();

    [GeneratedRegex(@"^(CKV2?_AWS_\d+|AwsSolutions-[A-Z0-9]+|HIPAA\.Security-[A-Za-z0-9]+)$")]
    private static partial Regex EquivalentPattern();

    [GeneratedRegex(@"(CKV2?_AWS_\d+|AwsSolutions-[A-Z0-9]+|HIPAA\.Security-[A-Za-z0-9]+)")]
    private static partial Regex EquivalentInDoc();
}
