using Pipectl.Aws.Tests.Operations;
using Pipectl.Cli.Output;
using Pipectl.IntegrationTests.Operate;

namespace Pipectl.IntegrationTests.Cli;

/// <summary>
/// Terminal escape injection: what came from AWS or the user reaches stdout and stderr without escape sequences,
/// control characters or bidi overrides, on its own row; JSON escapes them; a password in an endpoint URL never shows.
/// </summary>
public sealed class TerminalOutputTests
{
    private const string Hostile = "\u001b]0;pwned title\u0007\u001b[2J\u001b[HUpdate\u009b31m\u202Egnp.exe\u007f\nBuild  Build  Succeeded  forged row\r";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_writer_strips_sequences_and_controls_and_keeps_colour_only_when_colour_is_on(bool color)
    {
        using var inner = new StringWriter();
        using var writer = new SanitizingWriter(inner, color);

        writer.Write("a\u001b]0;ti");
        writer.Write("tle\u0007b \u001b[1mbold\u001b[0m\tc\u001bcd\u001b(Be\u202Ef\u2066g\u0085h\n");

        var shown = inner.ToString();
        Assert.Equal(color ? "ab \u001b[1mbold\u001b[0m\tcde" + "fgh\n" : "ab bold\tcdefgh\n", shown);
    }

    [Fact]
    public void Inline_text_keeps_a_value_on_its_row()
    {
        Assert.Equal("Updategnp.exe Build  Build  Succeeded  forged row ", TerminalText.Inline(Hostile));
    }

    [Fact]
    public void A_password_in_a_url_is_replaced_wherever_it_is_written()
    {
        using var inner = new StringWriter();
        using var writer = new SanitizingWriter(inner, false);

        writer.WriteLine("endpoint     http://admin:s3cr3t@127.0.0.1:5000/ and https://u@host");

        Assert.Equal("endpoint     http://***@127.0.0.1:5000/ and https://***@host" + Environment.NewLine, inner.ToString());
    }

    [Fact]
    public void Json_escapes_controls_c1_and_bidi_overrides()
    {
        var json = JsonText.Write(w => w.WriteStringValue(Hostile));

        Assert.DoesNotContain('\u001b', json);
        Assert.DoesNotContain('\u202E', json);
        Assert.DoesNotContain('\u009b', json);
        Assert.Contains("\\u202E", json, StringComparison.Ordinal);
        Assert.Equal(Hostile, System.Text.Json.JsonDocument.Parse(json).RootElement.GetString());
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    public async Task Status_shows_a_hostile_commit_summary_without_its_escapes_and_on_one_row(string output)
    {
        var escaped = System.Text.Json.JsonEncodedText.Encode(Hostile).ToString();
        var state = PipelineReplies.StateInProgress().Replace("Update index.html", escaped, StringComparison.Ordinal);
        using var server = OperateCli.Pipeline(state, PipelineReplies.Executions("InProgress")).Serve();

        var run = await OperateCli.RunAsync(server, "status", "--name", "demo", "--output", output);

        Assert.True(run.ExitCode == 0, run.Stderr);
        foreach (var c in "\u001b\u0007\u009b\u202E\u007f\r")
        {
            Assert.DoesNotContain(c, run.Stdout);
        }

        if (output == "json")
        {
            // The summary is there, escaped: JSON keeps what AWS said, a terminal showing it is not fooled.
            Assert.Contains("\\u202E", run.Stdout, StringComparison.Ordinal);
            Assert.Contains("\\u001B", run.Stdout, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain(run.Stdout.Split('\n'), l => l.StartsWith("Build  Build  Succeeded", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task User_input_echoed_in_an_error_carries_no_escape_sequence()
    {
        var run = await CliRun.RunAsync("bootstrap", "--name", "x\u001b]0;pwned\u0007\u001b[2J", "--region", "us-east-1", "--endpoint-url", "http://127.0.0.1:9");

        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain('\u001b', run.Stderr);
        Assert.DoesNotContain('\u0007', run.Stderr);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    public async Task Doctor_never_prints_a_password_written_into_the_endpoint_url(string output)
    {
        var run = await CliRun.RunAsync("doctor", "--endpoint-url", $"http://admin:s3cr3t-pw@127.0.0.1:{DoctorTests.ClosedPort()}", "--region", "us-east-1", "--output", output);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("***@127.0.0.1", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-pw", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_keeps_a_hostile_stack_tag_on_its_row()
    {
        using var server = new Pipectl.Aws.Tests.Wire.WireServer
        {
            Responder = request => ScriptedCodePipeline.Operation(request) switch
            {
                null when ScriptedCodePipeline.IsCallerIdentity(request) => ScriptedCodePipeline.CallerIdentity,
                // GetResources returns each tag as it is stored: the hostile value comes back whole.
                "GetResources" => Pipectl.Aws.Tests.Wire.WireReply.Json("""{"ResourceTagMappingList":[{"ResourceARN":"arn:aws:codepipeline:us-east-1:123456789012:web-pipeline","Tags":[{"Key":"pipectl:stack","Value":"web\nforged  row-pipeline  Succeeded\u001b]0;t\u0007"}]}]}"""),
                "ListPipelineExecutions" => Pipectl.Aws.Tests.Wire.WireReply.Json(PipelineReplies.Executions("Succeeded")),
                var other => Pipectl.Aws.Tests.Wire.WireReply.JsonError(400, "ValidationException", $"unexpected {other}"),
            },
        };

        var run = await CliRun.RunAsync("list", "--endpoint-url", server.Url, "--region", "us-east-1");

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.DoesNotContain(run.Stdout.Split('\n'), l => l.StartsWith("forged", StringComparison.Ordinal));
        Assert.DoesNotContain('\u001b', run.Stdout);
        Assert.Contains("web forged  row-pipeline  Succeeded", run.Stdout, StringComparison.Ordinal);
    }
}
