using Pipectl.Core.Naming;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Pipelines;
using Pipectl.Core.Policies;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;
using Pipectl.Core.StackFiles;
using Pipectl.Core.Stacks;
using Pipectl.Core.Validation;

namespace Pipectl.Core.Tests.Orchestration;

/// <summary>A <c>--site cloudfront</c> stack: private bucket, distribution, Invalidate stage, and their order.</summary>
public sealed class CloudFrontSiteTests
{
    private const string DistributionArn = "arn:aws:cloudfront::123456789012:distribution/E1";

    private static StackSpec CloudFront() => TestStacks.Demo() with { Site = SiteTypes.CloudFront };

    [Fact]
    public void The_site_bucket_is_private_without_a_website_and_the_distribution_reads_its_rest_endpoint()
    {
        var stack = DesiredStack.From(CloudFront());

        Assert.Equal(PublicAccessBlock.AllBlocked, stack.SiteBucket.PublicAccessBlock);
        Assert.Null(stack.SiteBucket.Website);
        var distribution = stack.Desired<DistributionSpec, DistributionState>(ResourceKeys.Distribution);
        Assert.Equal("demo-site-123456789012-us-east-1.s3.us-east-1.amazonaws.com", distribution.OriginDomain);
        Assert.Equal(stack.SiteBucket.Name, distribution.Name);
        Assert.Equal(["demo", "us-east-1"], new[] { distribution.Tags["pipectl:stack"], distribution.Tags["pipectl:region"] });
        Assert.Empty(stack.Entries.Single(e => e.Key == ResourceKeys.SiteBucket).DependsOn);
        Assert.Equal([ResourceKeys.SiteBucket], stack.Entries.Single(e => e.Key == ResourceKeys.Distribution).DependsOn);
    }

    [Fact]
    public void An_s3_website_stack_has_no_distribution_and_no_invalidate_stage()
    {
        var stack = DesiredStack.From(TestStacks.Demo());

        Assert.DoesNotContain(stack.Entries, e => e.Key is ResourceKeys.Distribution or ResourceKeys.InvalidationProject or ResourceKeys.InvalidationRole);
        Assert.DoesNotContain(stack.Pipeline.Declaration.Stages, s => s.Name == PipelineDeclarationFactory.InvalidateStageName);
        Assert.NotNull(stack.SiteBucket.Website);
    }

    [Fact]
    public void The_pipeline_invalidates_after_the_deploy_with_its_own_project_which_the_pipeline_role_may_start()
    {
        var stack = DesiredStack.From(CloudFront());

        var stages = stack.Pipeline.Declaration.Stages.Select(s => s.Name).ToList();
        Assert.Equal(stages.IndexOf(PipelineDeclarationFactory.DeployStageName) + 1, stages.IndexOf(PipelineDeclarationFactory.InvalidateStageName));
        var action = stack.Pipeline.Declaration.Stages[^1].Actions.Single();
        Assert.Equal(("CodeBuild", "demo-build-invalidate"), (action.Provider, action.Configuration["ProjectName"]));
        var start = new StackPolicies(CloudFront()).PipelineRolePolicy().Statements.Single(s => s.Sid == "BuildWithCodeBuild");
        Assert.Contains("arn:aws:codebuild:us-east-1:123456789012:project/demo-build-invalidate", start.Resources);
    }

    [Fact]
    public void The_bucket_policy_lets_only_cloudfront_read_objects_for_the_one_distribution_and_denies_plain_http()
    {
        var policy = new StackPolicies(CloudFront()).CloudFrontSiteBucketPolicy(DistributionArn);

        var read = policy.Statements.Single(s => s.Effect == PolicyStatement.AllowEffect);
        Assert.Equal([PolicyActions.S3GetObject], read.Actions);
        Assert.Equal(["arn:aws:s3:::demo-site-123456789012-us-east-1/*"], read.Resources);
        Assert.Equal(PolicyPrincipal.Service("cloudfront.amazonaws.com"), read.Principal);
        Assert.Equal([new PolicyCondition("StringEquals", "aws:SourceArn", DistributionArn)], read.Conditions);
        var deny = policy.Statements.Single(s => s.Effect == PolicyStatement.DenyEffect);
        Assert.Equal([new PolicyCondition("Bool", "aws:SecureTransport", "false")], deny.Conditions);
    }

    [Fact]
    public void The_invalidation_role_may_invalidate_only_that_distribution()
    {
        var role = new StackPolicies(CloudFront()).InvalidationRole(DistributionArn);

        var invalidate = role.InlinePolicy.Statements.Single(s => s.Actions.Contains(PolicyActions.CloudFrontCreateInvalidation));
        Assert.Equal([PolicyActions.CloudFrontCreateInvalidation], invalidate.Actions);
        Assert.Equal([DistributionArn], invalidate.Resources);
        Assert.DoesNotContain(role.InlinePolicy.Statements.SelectMany(s => s.Resources.Concat(s.Actions)), v => v.Contains('*', StringComparison.Ordinal) && !v.EndsWith("/*", StringComparison.Ordinal) && !v.EndsWith(":*", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Apply_creates_the_distribution_first_and_names_its_arn_and_id_where_they_are_needed()
    {
        var drivers = new StackOrchestratorTests.RecordingDrivers();

        var result = await new StackOrchestrator(drivers, SilentProgress.Instance).ApplyAsync(DesiredStack.From(CloudFront()), StackParts.All, new ApplyOptions(), CancellationToken.None);

        Assert.True(result.Succeeded);
        var calls = drivers.Calls.ToList();
        Assert.True(calls.IndexOf("create demo-site-123456789012-us-east-1") < calls.LastIndexOf("create demo-site-123456789012-us-east-1"), "distribution, then bucket");
        Assert.IsType<DistributionSpec>(drivers.Desired[$"{ResourceTypes.Distribution} demo-site-123456789012-us-east-1"]);
        var bucket = (BucketSpec)drivers.Desired[$"{ResourceTypes.Bucket} demo-site-123456789012-us-east-1"];
        Assert.Contains($"\"aws:SourceArn\":\"{DistributionArn}\"", bucket.Policy, StringComparison.Ordinal);
        var project = (BuildProjectSpec)drivers.Desired[$"{ResourceTypes.BuildProject} demo-build-invalidate"];
        Assert.Equal("E1", project.EnvironmentVariables["DISTRIBUTION_ID"].Value);
        var role = (RoleSpec)drivers.Desired[$"{ResourceTypes.Role} demo-pipeline-invalidate-role"];
        Assert.Contains(DistributionArn, role.InlinePolicies.Values.Single(), StringComparison.Ordinal);
        Assert.Equal("https://d1.cloudfront.net", result.Outputs[StackOutputs.WebsiteUrl]);
    }

    [Fact]
    public void A_distribution_as_wanted_has_no_differences_and_a_drifted_one_lists_each_setting()
    {
        var desired = DesiredStack.From(CloudFront()).Desired<DistributionSpec, DistributionState>(ResourceKeys.Distribution);
        var same = new DistributionState("E1", DistributionArn, "d1.cloudfront.net", "Deployed", true, desired.OriginDomain, desired.Name, "redirect-to-https", "index.html", DistributionSpec.CachingOptimizedPolicyId, DistributionSpec.ErrorResponses, desired.Tags)
        {
            ViewerRequestFunction = desired.FunctionName,
            ViewerRequestFunctionCode = DistributionSpec.IndexFunctionCode,
        };

        Assert.Empty(desired.DifferencesFrom(same));
        var drifted = desired.DifferencesFrom(same with { ViewerProtocolPolicy = "allow-all", Enabled = false, ErrorResponses = [] });
        Assert.Equal(3, drifted.Count);
        Assert.Contains(drifted, d => d.StartsWith("viewer protocol policy", StringComparison.Ordinal));
    }

    [Fact]
    public void The_index_function_is_named_for_the_stack_and_region_and_a_missing_or_changed_one_is_a_difference()
    {
        var desired = DesiredStack.From(CloudFront()).Desired<DistributionSpec, DistributionState>(ResourceKeys.Distribution);
        var same = new DistributionState("E1", DistributionArn, "d1.cloudfront.net", "Deployed", true, desired.OriginDomain, desired.Name, "redirect-to-https", "index.html", DistributionSpec.CachingOptimizedPolicyId, DistributionSpec.ErrorResponses, desired.Tags)
        {
            ViewerRequestFunction = desired.FunctionName,
            ViewerRequestFunctionCode = DistributionSpec.IndexFunctionCode,
        };

        Assert.Equal($"{CloudFront().StackName}-site-index-{CloudFront().Region}", desired.FunctionName);
        Assert.Contains("request.uri += 'index.html';", DistributionSpec.IndexFunctionCode, StringComparison.Ordinal);
        Assert.Contains("request.uri += '/index.html';", DistributionSpec.IndexFunctionCode, StringComparison.Ordinal);
        Assert.Equal(
            [$"viewer-request function: (none) -> {desired.FunctionName}", "viewer-request function code: none -> index.html rewrite"],
            desired.DifferencesFrom(same with { ViewerRequestFunction = null, ViewerRequestFunctionCode = null }));
        Assert.Equal(["viewer-request function code: other code -> index.html rewrite"], desired.DifferencesFrom(same with { ViewerRequestFunctionCode = "function handler(e) { return e.request; }" }));
    }

    [Fact]
    public void A_stack_whose_function_was_cut_at_64_characters_keeps_it_and_other_names_are_a_difference()
    {
        var name = new string('s', 50) + "-staging";
        var spec = CloudFront() with { StackName = name, SiteBucketName = "long-site-bucket", SiteIndexFunctionName = StackNames.SiteIndexFunction(name, CloudFront().Region) };
        var desired = DesiredStack.From(spec).Desired<DistributionSpec, DistributionState>(ResourceKeys.Distribution);
        var cut = $"{spec.StackName}-site-index-{spec.Region}"[..64];
        var same = new DistributionState("E1", DistributionArn, "d1.cloudfront.net", "Deployed", true, desired.OriginDomain, desired.Name, "redirect-to-https", "index.html", DistributionSpec.CachingOptimizedPolicyId, DistributionSpec.ErrorResponses, desired.Tags)
        {
            ViewerRequestFunction = cut,
            ViewerRequestFunctionCode = DistributionSpec.IndexFunctionCode,
        };

        Assert.NotEqual(cut, desired.FunctionName);
        Assert.Equal(cut, desired.FunctionNameOn(same));
        Assert.Empty(desired.DifferencesFrom(same));
        Assert.Equal(desired.FunctionName, desired.FunctionNameOn(same with { ViewerRequestFunction = "other" }));
        Assert.Equal([$"viewer-request function: other -> {desired.FunctionName}"], desired.DifferencesFrom(same with { ViewerRequestFunction = "other" }));
    }

    [Fact]
    public void A_site_type_other_than_the_two_is_refused_naming_the_option()
    {
        var errors = new StackSpecValidator().Validate(TestStacks.Demo() with { Site = "cdn" });

        var error = Assert.Single(errors);
        Assert.Contains("--site", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cloudfront", true)]
    [InlineData("s3-website", false)]
    public void The_stack_file_site_key_picks_the_site_type(string site, bool cloudFront)
    {
        var (file, errors) = StackFileParser.Parse("pipectl.yaml", $"name: demo\nsite: {site}\n");

        Assert.Empty(errors);
        Assert.Equal(cloudFront, file!.ToSpecs("us-east-1", TestStacks.Account)[0].Spec.IsCloudFrontSite);
    }

    [Fact]
    public void A_stack_file_site_that_is_not_known_is_refused_at_its_line_and_column()
    {
        // Checked by the parser (issue 28: every problem in one pass, each at its own place), with the closest type when mistyped.
        var (file, errors) = StackFileParser.Parse("pipectl.yaml", "name: demo\nsite: cdn\n");
        var (_, typo) = StackFileParser.Parse("pipectl.yaml", "name: demo\nsite: cloudfrnt\n");

        Assert.Null(file);
        Assert.Equal("pipectl.yaml:2:7: site must be one of s3-website, cloudfront, not \"cdn\"", Assert.Single(errors).ToString());
        Assert.EndsWith("; did you mean cloudfront?", Assert.Single(typo).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Teardown_removes_the_invalidation_project_before_the_distribution_and_the_distribution_before_its_origin_bucket()
    {
        var stack = DesiredStack.From(CloudFront());
        var drivers = new StackTeardownTests.InventoryDrivers(owner: "demo") { Sequential = true };

        var result = await new StackTeardown(drivers, SilentProgress.Instance).RemoveAsync(stack, new TeardownOptions(), CancellationToken.None);

        Assert.True(result.Succeeded);
        Assert.Equal(14, result.Resources.Count);
        var order = drivers.Deleted.ToList();
        var distribution = order.IndexOf("demo-site-123456789012-us-east-1 (distribution)");
        Assert.True(distribution < order.IndexOf("demo-site-123456789012-us-east-1"));
        Assert.True(order.IndexOf("demo-build-invalidate") < distribution);
        Assert.True(order.IndexOf("demo-pipeline-invalidate-role") < distribution);
    }
}
