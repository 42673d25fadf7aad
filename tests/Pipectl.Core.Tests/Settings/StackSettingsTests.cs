using System.Reflection;
using Pipectl.Core.Settings;
using Pipectl.Core.StackFiles;
using Pipectl.Core.Stacks;

namespace Pipectl.Core.Tests.Settings;

/// <summary>
/// The declared settings are the one source: the parser's keys are derived from them (the schema's types:
/// <c>StackFileSchemaTests</c>), and each descriptor is complete enough for the CLI to build its option.
/// </summary>
public sealed class StackSettingsTests
{
    [Fact]
    public void The_parser_keys_are_the_declared_keys_and_their_parents()
    {
        var declared = StackSettings.All.Select(s => s.FileKey).OfType<string>().ToList();

        Assert.All(declared, key => Assert.Contains(key, StackFileKeys.Paths));
        Assert.All(StackFileKeys.Paths, path => Assert.True(
            declared.Contains(path) || declared.Any(key => key.StartsWith(path + ".", StringComparison.Ordinal)),
            $"{path} is neither declared nor the parent of a declared key"));
        Assert.Equal(StackFileKeys.Paths.Distinct().Count(), StackFileKeys.Paths.Count);
    }

    [Fact]
    public void The_top_level_keys_come_in_the_sections_order_and_each_section_has_keys()
    {
        Assert.Equal(StackFileKeys.Sections, StackFileKeys.ChildrenOf(string.Empty));
    }

    [Fact]
    public void A_section_keeps_its_keys_in_declared_order()
    {
        Assert.Equal(["target", .. StackSettings.Ecs.Select(f => f.Setting.FileKey!["deploy.".Length..])], StackFileKeys.ChildrenOf("deploy"));
        Assert.Equal(["name", "description", "branch", "existing"], StackFileKeys.ChildrenOf("repository"));
        Assert.Equal(["artifacts", "site", "privateSite"], StackFileKeys.ChildrenOf("buckets"));
        Assert.Equal(["branch", "pipelineName", "siteBucket", "privateSite", "approval"], StackFileKeys.ChildrenOf("environments.*"));
    }

    [Fact]
    public void Each_option_is_declared_once_with_a_help_text()
    {
        var options = StackSettings.All.Where(s => s.Place != SettingPlace.FileOnly).ToList();

        Assert.All(options, s => Assert.StartsWith("--", s.Option, StringComparison.Ordinal));
        Assert.All(options, s => Assert.False(string.IsNullOrWhiteSpace(s.Description), $"{s} has no help text"));
        Assert.Equal(options.Count, options.Select(s => s.Option).Distinct().Count());
        Assert.All(StackSettings.All.Where(s => s.Place == SettingPlace.FileOnly), s => Assert.Null(s.Option));
        Assert.Equal(StackSettings.All.Count, StackSettings.All.Distinct().Count());
    }

    [Fact]
    public void A_choice_names_its_values_and_a_number_its_rules()
    {
        Assert.All(StackSettings.All.Where(s => s.Kind == SettingKind.Choice), s => Assert.NotEmpty(s.Values));
        Assert.All(StackSettings.All.Where(s => s.Kind == SettingKind.Number), s =>
        {
            Assert.NotNull(s.NumberRule);
            Assert.True(s.Minimum <= s.Maximum, $"{s} has no range");
            Assert.NotNull(s.RangeRule);
            Assert.NotNull(s.FileKey is null ? "none" : s.FileNumberRule);
        });
    }

    [Fact]
    public void Every_member_of_the_ecs_deployment_is_a_declared_setting()
    {
        var members = typeof(EcsDeployment).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name).Order(StringComparer.Ordinal);
        var touched = StackSettings.Ecs
            .Select(f => (Field: f, Part: f.Set(new EcsDeployment(), f.Setting.Kind == SettingKind.Number ? 7 : "x")))
            .Select(t => typeof(EcsDeployment).GetProperties().Single(p => p.CanWrite && p.GetValue(t.Part) is not null).Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(members, touched);
        Assert.All(StackSettings.Ecs, f => Assert.Equal(StackComponent.EcsDeploy, f.Setting.Component));
        Assert.All(StackSettings.Ecs, f => Assert.StartsWith("deploy.", f.Setting.FileKey, StringComparison.Ordinal));
    }

    [Fact]
    public void A_merge_puts_what_is_given_in_place_and_keeps_the_rest()
    {
        var had = new EcsDeployment { Cluster = "main", Service = "web", ImagesToKeep = 30 };
        var given = new EcsDeployment { Service = "api", ImagesToKeep = 5 };

        var merged = PartField<EcsDeployment>.Merge(StackSettings.Ecs, had, given);

        Assert.Equal(new EcsDeployment { Cluster = "main", Service = "api", ImagesToKeep = 5 }, merged);
        Assert.Equal(had, PartField<EcsDeployment>.Merge(StackSettings.Ecs, had, new EcsDeployment()));
    }
}
