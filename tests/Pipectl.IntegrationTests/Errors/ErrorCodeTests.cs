using System.Net;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Pipectl.Aws.Errors;
using Pipectl.Aws.Session;
using Pipectl.Cli.Hosting;
using Pipectl.Cli.Output;
using Pipectl.Core.LocalFiles;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Validation;
using Pipectl.IntegrationTests.Authoring;

namespace Pipectl.IntegrationTests.Errors;

/// <summary>error.code comes from one mapper and each failure's own code; the published codes never change.</summary>
public sealed class ErrorCodeTests
{
    public static TheoryData<Exception, string> Failures => new()
    {
        { new UsageException("--name: bad"), "BadInput" },
        { new LocalFileException("buildspec.yml: missing"), "BadInput" },
        { new CredentialsUnavailableException("no credentials"), "BadInput" },
        { new RegionUnavailableException("no region"), "BadInput" },
        { new ProvisioningException("the bucket is someone else's"), "Provisioning" },
        { new DeletionDeferredException("the distribution is being disabled"), "DeletionDeferred" },
        { new StackNotFoundException("demo", "eu-west-1", null), "StackNotFound" },
        { new NotConfirmedException("not confirmed: nothing was deleted."), "NotConfirmed" },
        { new Pipectl.Core.Engine.StackInputException("--compute-type \"HUGE\": not a compute type"), "BadInput" },
        { new AwsAccessDeniedException("AccessDeniedException", "denied", "req-1", HttpStatusCode.BadRequest, ErrorType.Sender, null), "AccessDeniedException" },
        { new ProvisioningException("emptying failed", new AwsAccessDeniedException("AccessDenied", "denied", "req-2", HttpStatusCode.Forbidden, ErrorType.Sender, null)), "AccessDenied" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Each_failure_maps_to_its_published_code(Exception failure, string code) =>
        Assert.Equal(code, ErrorJson.CodeOf(failure));

    [Fact]
    public void The_codes_pipectl_owns_are_exactly_those_docs_contract_publishes()
    {
        var contract = File.ReadAllText(RepositoryRoot.Of("docs/CONTRACT.md"));
        var sentence = Regex.Match(contract, @"pipectl's own codes are exactly:(?<list>.*?)never derived", RegexOptions.Singleline).Groups["list"].Value;
        var published = Regex.Matches(sentence, "`(?<code>[A-Za-z]+)`").Select(m => m.Groups["code"].Value).Where(c => c is not ("doctor" or "approve" or "reject" or "teardown")).ToList();

        Assert.Equal(["BadInput", "Provisioning", "DeletionDeferred", "ServicesFailed", "NoPendingApproval", "SeveralPendingApprovals", "StackNotFound", "PermissionsDenied", "NotConfirmed"], published);
        Assert.Equal(published, ErrorCodes.Published);
    }
}
