using Pipectl.Cli.Output;

namespace Pipectl.IntegrationTests.Cli;

public sealed class RunSummaryTests
{
    [Fact]
    public void A_run_that_stopped_before_any_resource_says_so_instead_of_an_empty_list()
    {
        var report = new RunReport { Command = "bootstrap", Stack = "demo", Region = "us-east-1", Account = "123456789012" };

        var lines = RunSummary.Format(report, succeeded: false, new TextStyle(false)).ToList();

        Assert.Contains("Stopped: stack demo in us-east-1 (account 123456789012): no resource was listed.", lines);
        Assert.DoesNotContain(lines, l => l.Contains(": .", StringComparison.Ordinal));
    }
}
