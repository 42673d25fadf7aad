using Pipectl.Core.StackFiles;
using Pipectl.Core.Validation;

namespace Pipectl.Core.Tests.StackFiles;

/// <summary>The one set of rules that turns -f, --name and --env into the stack a verb acts on.</summary>
public sealed class StackSelectionTests
{
    private static StackFile Single => StackFileParser.Parse("pipectl.yaml", "name: shop\n").File!;

    private static StackFile TwoEnvironments => StackFileParser.Parse("stacks/shop.yaml", "name: shop\nenvironments:\n  staging: {}\n  production: {}\n").File!;

    private static StackSelectionException Refused(StackSelectionRequest request) => Assert.Throws<StackSelectionException>(() => StackSelection.Choose(request));

    [Fact]
    public void An_explicit_file_is_read_with_its_environment()
    {
        var selection = StackSelection.Choose(new StackSelectionRequest { File = "stacks/shop.yaml", Environment = "staging", DefaultFileExists = true });

        Assert.Equal(new StackSelection("stacks/shop.yaml", null, "staging"), selection);
        Assert.True(selection.FromFile);
        Assert.Null(selection.Note);
    }

    [Fact]
    public void Name_next_to_an_explicit_file_is_a_conflict_naming_both()
    {
        var error = Refused(new StackSelectionRequest { File = "stacks/shop.yaml", Name = "other" });

        Assert.Equal(StackSelectionError.NameConflictsWithFile, error.Error);
        Assert.Equal("--name \"other\" conflicts with -f \"stacks/shop.yaml\": the stack file names the stack; drop one of them.", error.Message);
        Assert.Equal(ErrorCodes.BadInput, error.ErrorCode);
    }

    [Fact]
    public void The_default_file_is_read_when_neither_file_nor_name_is_given()
    {
        var selection = StackSelection.Choose(new StackSelectionRequest { DefaultFileExists = true, Environment = "production" });

        Assert.Equal(new StackSelection(StackFileParser.DefaultFileName, null, "production"), selection);
    }

    [Fact]
    public void Name_wins_over_the_default_file_with_a_note()
    {
        var selection = StackSelection.Choose(new StackSelectionRequest { Name = "shop", DefaultFileExists = true });

        Assert.Equal(new StackSelection(null, "shop", null) { Note = selection.Note }, selection);
        Assert.False(selection.FromFile);
        Assert.StartsWith("--name shop given, so ./pipectl.yaml is not read", selection.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_file_the_name_is_required()
    {
        Assert.Equal(StackSelectionError.NameRequired, Refused(new StackSelectionRequest()).Error);
        Assert.Equal(StackSelectionError.NameRequired, Refused(new StackSelectionRequest { Name = string.Empty }).Error);
    }

    [Fact]
    public void An_environment_without_a_file_is_refused_unless_the_verb_finds_environments_by_tags()
    {
        var error = Refused(new StackSelectionRequest { Name = "shop", Environment = "prod" });

        Assert.Equal(StackSelectionError.EnvironmentWithoutFile, error.Error);
        Assert.Equal("--env \"prod\": environments come from a stack file: add -f pipectl.yaml.", error.Message);
        Assert.Equal(new StackSelection(null, "shop", "prod"), StackSelection.Choose(new StackSelectionRequest { Name = "shop", Environment = "prod", EnvironmentByTags = true }));
    }

    [Fact]
    public void The_environment_rule_comes_before_the_name_rule()
    {
        Assert.Equal(StackSelectionError.EnvironmentWithoutFile, Refused(new StackSelectionRequest { Environment = "prod" }).Error);
    }

    [Fact]
    public void Values_are_echoed_without_control_characters()
    {
        var error = Refused(new StackSelectionRequest { File = "a.yaml", Name = "x\u001b[31my" });

        Assert.DoesNotContain('\u001b', error.Message);
    }

    [Fact]
    public void An_environment_the_file_defines_is_chosen_and_others_are_refused()
    {
        Assert.Equal("staging", StackSelection.EnvironmentIn(TwoEnvironments, "staging", oneRequired: true));

        var unknown = Assert.Throws<StackSelectionException>(() => StackSelection.EnvironmentIn(TwoEnvironments, "qa", oneRequired: false));
        Assert.Equal(StackSelectionError.UnknownEnvironment, unknown.Error);
        Assert.Equal("stacks/shop.yaml has no environment 'qa' (it defines staging, production)", unknown.Message);
    }

    [Fact]
    public void A_file_without_environments_refuses_any_environment()
    {
        var error = Assert.Throws<StackSelectionException>(() => StackSelection.EnvironmentIn(Single, "staging", oneRequired: false));

        Assert.Equal(StackSelectionError.UnknownEnvironment, error.Error);
        Assert.Equal("pipectl.yaml defines no environments: drop --env staging", error.Message);
        Assert.Null(StackSelection.EnvironmentIn(Single, null, oneRequired: true));
    }

    [Fact]
    public void A_verb_on_one_pipeline_needs_an_environment_of_a_file_that_has_several_and_a_stack_verb_takes_all()
    {
        var error = Assert.Throws<StackSelectionException>(() => StackSelection.EnvironmentIn(TwoEnvironments, null, oneRequired: true));

        Assert.Equal(StackSelectionError.EnvironmentRequired, error.Error);
        Assert.Null(StackSelection.EnvironmentIn(TwoEnvironments, null, oneRequired: false));
    }
}
