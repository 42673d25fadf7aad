using Pipectl.Core.LocalFiles;
using Pipectl.Core.StackFiles;
using Pipectl.Core.Tests.Seeding;

namespace Pipectl.Core.Tests.StackFiles;

/// <summary>Paths in a stack file stay in its folder, and what an error quotes of a file is never a secret.</summary>
public sealed class StackFilePathTests
{
    [Fact]
    public void A_buildspec_outside_the_stack_files_folder_is_refused_and_its_content_never_read_or_echoed()
    {
        using var outside = new SeedTree();
        outside.File(".env", "PGPASSWORD=hunter2\n");
        using var project = new SeedTree();
        var relative = Path.GetRelativePath(project.Root, outside.PathOf(".env"));
        project.File("pipectl.yaml", $"name: demo\nbuild:\n  buildspec: {relative}\n");

        var (file, errors) = StackFileParser.Load(project.PathOf("pipectl.yaml"));

        Assert.Null(file);
        var error = Assert.Single(errors);
        Assert.Contains("outside the folder", error.Message, StringComparison.Ordinal);
        Assert.Contains("--allow-outside-paths", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void With_the_flag_an_outside_file_is_read_and_its_problems_quote_no_value()
    {
        using var outside = new SeedTree();
        outside.File(".env", "PGPASSWORD=hunter2\n");
        using var project = new SeedTree();
        project.File("pipectl.yaml", $"name: demo\nbuild:\n  buildspec: {outside.PathOf(".env")}\n");

        var (file, errors) = StackFileParser.Load(project.PathOf("pipectl.yaml"), allowOutsidePaths: true);

        Assert.Null(file);
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.DoesNotContain("hunter2", e.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void A_link_in_a_parent_folder_cannot_walk_the_buildspec_out_of_the_project()
    {
        using var outside = new SeedTree();
        outside.File("buildspec.yml", "version: 0.2\nphases:\n  build:\n    commands:\n      - echo hi\n");
        using var project = new SeedTree();
        project.Link("shared", outside.Root).File("pipectl.yaml", "name: demo\nbuild:\n  buildspec: shared/buildspec.yml\n");

        var (file, errors) = StackFileParser.Load(project.PathOf("pipectl.yaml"));

        Assert.Null(file);
        Assert.Contains("outside the folder", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fifo_as_stack_file_or_buildspec_is_refused_at_once()
    {
        using var project = new SeedTree();
        project.Fifo("pipectl.yaml").Fifo("buildspec.yml").File("ok.yaml", "name: demo\nbuild:\n  buildspec: buildspec.yml\n");

        Assert.Throws<LocalFileException>(() => StackFileParser.Load(project.PathOf("pipectl.yaml")));
        var (file, errors) = StackFileParser.Load(project.PathOf("ok.yaml"));

        Assert.Null(file);
        Assert.Contains("not a regular file", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_of_a_password_file_given_as_a_stack_file_are_not_echoed()
    {
        var (_, errors) = StackFileParser.Parse("shadow", "root:$6$saltsalt$secrethash:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n");

        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.DoesNotContain("secrethash", e.ToString(), StringComparison.Ordinal));
    }
}
