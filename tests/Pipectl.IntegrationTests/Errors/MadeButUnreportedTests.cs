using Pipectl.Aws.Runtime;
using Pipectl.Cli.Output;
using Pipectl.Core.Provisioning;

namespace Pipectl.IntegrationTests.Errors;

/// <summary>A failed run's "created before the run stopped" lines name the kind each create request made.</summary>
public sealed class MadeButUnreportedTests
{
    [Fact]
    public void An_ecr_create_repository_is_reported_as_an_ecr_repository_never_as_a_codecommit_one()
    {
        var made = MadeButUnreported.MissingFrom([], [new CreatedResource("ECR", "CreateRepository", new NamedResource("repository", "shop"))]).ToList();

        var outcome = Assert.Single(made);
        Assert.Equal((ResourceTypes.EcrRepository, "shop", MadeButUnreported.Note), (outcome.Type, outcome.Name, outcome.Note));
    }

    [Fact]
    public void A_create_the_outcomes_already_list_is_not_reported_again_and_each_kind_keeps_its_own_type()
    {
        var listed = new[] { new ResourceOutcome(ResourceTypes.EcrRepository, "shop", null, ResourceAction.Created) };
        var created = new[]
        {
            new CreatedResource("ECR", "CreateRepository", new NamedResource("repository", "shop")),
            new CreatedResource("CodeCommit", "CreateRepository", new NamedResource("repository", "shop")),
            new CreatedResource("S3", "PutBucket", new NamedResource("bucket", "shop-artifacts")),
            new CreatedResource("CodeCommit", "CreateCommit", new NamedResource("repository", "shop")),
        };

        var made = MadeButUnreported.MissingFrom(listed, created).Select(o => (o.Type, o.Name)).ToList();

        Assert.Equal([(ResourceTypes.Repository, "shop"), (ResourceTypes.Bucket, "shop-artifacts")], made);
    }
}
