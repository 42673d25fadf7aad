using System.Text;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Seeding;

namespace Pipectl.Core.Tests.Seeding;

/// <summary>What a --seed folder sends: never anything outside it, no .git, no ignored files, no secrets; modes kept.</summary>
public sealed class SeedFolderTests
{
    [Fact]
    public void Links_out_of_the_folder_are_left_out_and_named_and_their_targets_are_never_read()
    {
        using var outside = new SeedTree();
        outside.File("credentials", "aws_secret_access_key = outside-secret").File("etc/passwd", "root:x:0:0");
        using var tree = new SeedTree();
        tree.File("index.html", "<h1>hi</h1>")
            .Link("creds", outside.PathOf("credentials"))
            .Link("etc", outside.PathOf("etc"))
            .Link("sneaky", "../" + Path.GetFileName(outside.Root) + "/credentials");

        var seed = SeedFolder.Read(tree.Root);

        Assert.Equal(["index.html"], seed.Files.Select(f => f.Path));
        Assert.DoesNotContain(seed.Files, f => Encoding.UTF8.GetString(f.Content).Contains("outside-secret", StringComparison.Ordinal));
        Assert.Contains(seed.Notes, n => n.Contains("link creds", StringComparison.Ordinal) && n.Contains("outside the seed folder", StringComparison.Ordinal));
        Assert.Contains(seed.Notes, n => n.Contains("link etc", StringComparison.Ordinal));
        Assert.Contains(seed.Notes, n => n.Contains("link sneaky", StringComparison.Ordinal));
        Assert.Empty(seed.Problems);
    }

    [Fact]
    public void A_link_inside_the_folder_is_committed_as_a_link_to_its_relative_target()
    {
        using var tree = new SeedTree();
        tree.File("site/index.html", "<h1>hi</h1>").Link("home.html", tree.PathOf("site/index.html")).Link("site/same.html", "index.html");

        var seed = SeedFolder.Read(tree.Root);

        var home = Assert.Single(seed.Files, f => f.Path == "home.html");
        Assert.Equal(SeedFileMode.Symlink, home.Mode);
        Assert.Equal("site/index.html", Encoding.UTF8.GetString(home.Content));
        var same = Assert.Single(seed.Files, f => f.Path == "site/same.html");
        Assert.Equal("index.html", Encoding.UTF8.GetString(same.Content));
    }

    [Fact]
    public void Git_folders_at_any_depth_are_never_sent()
    {
        using var tree = new SeedTree();
        tree.File("a.txt", "a").File(".git/config", "[core]").File("vendor/lib/.git/HEAD", "ref").File("vendor/lib/.git2", "kept").File("sub/.git", "gitdir: ../.git/modules/sub");

        var seed = SeedFolder.Read(tree.Root);

        Assert.Equal(["a.txt", "vendor/lib/.git2"], seed.Files.Select(f => f.Path));
        Assert.Contains(seed.Notes, n => n.Contains("3 .git entries", StringComparison.Ordinal));
    }

    [Fact]
    public void Gitignore_files_are_honoured_with_negation_folders_anchors_globstars_and_nesting()
    {
        using var tree = new SeedTree();
        tree.File(".gitignore", "# build output\n*.log\n!keep.log\nnode_modules/\n/dist\ndocs/**/draft-*.md\n")
            .File("app.log", "x").File("keep.log", "k").File("node_modules/x/y.js", "y").File("dist/app.js", "d").File("src/dist/x.js", "kept")
            .File("docs/a/b/draft-1.md", "draft").File("docs/final.md", "final")
            .File("src/.gitignore", "secret-notes.txt\n!important.log\n").File("src/secret-notes.txt", "n").File("src/important.log", "i").File("secret-notes.txt", "top");

        var seed = SeedFolder.Read(tree.Root);

        Assert.Equal(
            [".gitignore", "docs/final.md", "keep.log", "secret-notes.txt", "src/.gitignore", "src/dist/x.js", "src/important.log"],
            seed.Files.Select(f => f.Path).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(".env", "PGPASSWORD=hunter2")]
    [InlineData("config/.env.production", "X=1")]
    [InlineData(".aws/credentials", "[default]")]
    [InlineData("keys/id_rsa", "rsa-material-1")]
    [InlineData("tls/server.key", "key-material-2")]
    [InlineData("tls/server.pem", "pem-material-3")]
    [InlineData(".npmrc", "//registry.npmjs.org/:_authToken=npm_abc")]
    [InlineData("notes.txt", "-----BEGIN OPENSSH PRIVATE KEY-----\nabc")]
    [InlineData("settings.ini", "aws_secret_access_key = abc")]
    public void Files_that_look_secret_are_refused_unless_allowed_by_a_pattern(string path, string content)
    {
        using var tree = new SeedTree();
        tree.File("index.html", "hi").File(path, content);

        var refused = SeedFolder.Read(tree.Root);
        var allowed = SeedFolder.Read(tree.Root, [path]);

        Assert.Contains(refused.Problems, p => p.Contains(path, StringComparison.Ordinal) && p.Contains("--seed-allow-secret", StringComparison.Ordinal));
        Assert.DoesNotContain(refused.Problems, p => p.Contains(content, StringComparison.Ordinal));
        Assert.Empty(allowed.Problems);
        Assert.Contains(allowed.Files, f => f.Path == path);
    }

    [Theory]
    [InlineData(".env.example")]
    [InlineData(".npmrc")]
    [InlineData("id_rsa.pub")]
    public void Lookalikes_without_secrets_are_sent(string path)
    {
        using var tree = new SeedTree();
        tree.File(path, "registry=https://registry.npmjs.org/");

        var seed = SeedFolder.Read(tree.Root);

        Assert.Empty(seed.Problems);
        Assert.Equal([path], seed.Files.Select(f => f.Path));
    }

    [Fact]
    public void The_executable_bit_is_kept_empty_files_and_fifos_are_left_out_and_named()
    {
        using var tree = new SeedTree();
        tree.Executable("scripts/build.sh", "#!/bin/sh\necho hi\n").File("README.md", "# hi").File("empty.txt", string.Empty).Fifo("pipe");

        var seed = SeedFolder.Read(tree.Root);

        Assert.Equal(SeedFileMode.Executable, Assert.Single(seed.Files, f => f.Path == "scripts/build.sh").Mode);
        Assert.Equal(SeedFileMode.Normal, Assert.Single(seed.Files, f => f.Path == "README.md").Mode);
        Assert.DoesNotContain(seed.Files, f => f.Path is "empty.txt" or "pipe");
        Assert.Contains(seed.Notes, n => n.Contains("empty.txt", StringComparison.Ordinal) && n.Contains("empty", StringComparison.Ordinal));
        Assert.Contains(seed.Notes, n => n.Contains("pipe", StringComparison.Ordinal) && n.Contains("not a regular file", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_over_6_MB_or_more_than_7_MB_in_all_is_a_problem_before_anything_is_sent()
    {
        using var big = new SeedTree();
        big.Bytes("video.mp4", new byte[(6 * 1024 * 1024) + 1]);
        using var many = new SeedTree();
        many.Bytes("a.bin", new byte[4 * 1024 * 1024]).Bytes("b.bin", new byte[4 * 1024 * 1024]);

        Assert.Contains("video.mp4", Assert.Single(SeedFolder.Read(big.Root).Problems), StringComparison.Ordinal);
        Assert.Contains("8 MB together", Assert.Single(SeedFolder.Read(many.Root).Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_name_with_a_line_break_or_escape_is_a_problem_shown_without_it()
    {
        using var tree = new SeedTree();
        tree.File("ok.txt", "ok").File("evil\nname\u001b[2J.txt", "x");

        var problem = Assert.Single(SeedFolder.Read(tree.Root).Problems);

        Assert.Contains("control character", problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem);
        Assert.DoesNotContain('\u001b', problem);
    }
}
