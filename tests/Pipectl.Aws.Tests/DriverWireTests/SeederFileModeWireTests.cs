using System.Text.Json;
using Pipectl.Aws.Provisioning;
using Pipectl.Aws.Tests.Wire;
using Pipectl.Core.Orchestration;

namespace Pipectl.Aws.Tests.DriverWireTests;

/// <summary>The first commit keeps what git keeps: the executable bit and links (CodeCommit's PutFileEntry fileMode).</summary>
public sealed class SeederFileModeWireTests
{
    [Fact]
    public async Task Each_file_is_sent_with_its_mode_and_a_link_as_its_target()
    {
        using var server = new WireServer
        {
            Responder = r => r.Target == "CodeCommit_20150413.GetBranch"
                ? WireReply.JsonError(400, "BranchDoesNotExistException", "Branch 'main' does not exist in repository 'demo'.")
                : WireReply.Json("""{"commitId":"first-commit","treeId":"tree-1"}"""),
        };
        using var session = WireSession.For(server);
        SeedFile[] files =
        [
            new("README.md", "# demo"u8.ToArray()),
            new("scripts/build.sh", "#!/bin/sh\n"u8.ToArray(), SeedFileMode.Executable),
            new("home.html", "site/index.html"u8.ToArray(), SeedFileMode.Symlink),
        ];

        await new RepositorySeeder(session.CodeCommit).SeedAsync("demo", "main", files, CancellationToken.None);

        var request = Assert.Single(server.Requests, r => r.Target == "CodeCommit_20150413.CreateCommit");
        ModelAssert.JsonRequestConforms("codecommit", "CreateCommit", request);
        using var body = JsonDocument.Parse(request.Body);
        var sent = body.RootElement.GetProperty("putFiles").EnumerateArray()
            .ToDictionary(f => f.GetProperty("filePath").GetString()!, f => (Mode: f.GetProperty("fileMode").GetString(), Content: Convert.FromBase64String(f.GetProperty("fileContent").GetString()!)));
        Assert.Equal("NORMAL", sent["README.md"].Mode);
        Assert.Equal("EXECUTABLE", sent["scripts/build.sh"].Mode);
        Assert.Equal("SYMLINK", sent["home.html"].Mode);
        Assert.Equal("site/index.html"u8.ToArray(), sent["home.html"].Content);
    }
}
