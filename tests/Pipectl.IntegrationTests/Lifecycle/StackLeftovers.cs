using Pipectl.IntegrationTests.Moto;

namespace Pipectl.IntegrationTests.Lifecycle;

/// <summary>
/// Everything of a stack an account still holds, read with boto3 (as the AWS CLI reads it) service by service, not
/// through pipectl: whatever is tagged <c>pipectl:stack</c> with the stack's name (every type the tagging API
/// answers for), and every resource whose name starts with the stack's name in S3, IAM (roles and customer managed
/// policies), CodeCommit (the repository of the stack's name), CodeBuild (projects and report groups), CodePipeline, EventBridge, SNS, ECR,
/// CodeConnections, CloudFront (distributions by tag, origin access controls by name; moto has no CloudFront functions) and the stack's
/// record in Parameter Store. Each line is "service name".
/// </summary>
internal static class StackLeftovers
{
    public static async Task<IReadOnlyList<string>> ReadAsync(MotoServer moto, string stack)
    {
        var output = await Boto.RunAsync(moto, $$"""
            stack = "{{stack}}"
            left = []
            def named(service, names):
                left.extend(f"{service} {n}" for n in names if n == stack or n.startswith(stack + "-"))
            for page in client("resourcegroupstaggingapi").get_paginator("get_resources").paginate(TagFilters=[{"Key": "pipectl:stack", "Values": [stack]}], ResourceTypeFilters=["codecommit", "codebuild", "codepipeline", "events", "sns", "s3", "ecr", "codeconnections", "codestar-connections", "cloudfront"]):
                left.extend("tagged " + r["ResourceARN"] for r in page["ResourceTagMappingList"])
            def every(service, operation, key, **args):
                c = client(service)
                pages = c.get_paginator(operation).paginate(**args) if c.can_paginate(operation) else [getattr(c, operation)(**args)]
                return [item for page in pages for item in (page[key].get("Items") or [] if isinstance(page[key], dict) else page[key])]
            named("s3", [b["Name"] for b in client("s3").list_buckets()["Buckets"]])
            named("iam-role", [r["RoleName"] for r in every("iam", "list_roles", "Roles")])
            named("iam-policy", [p["PolicyName"] for p in every("iam", "list_policies", "Policies", Scope="Local")])
            # moto 5.2.1 has no CodeCommit ListRepositories: the stack's repository is read by its name.
            try:
                named("codecommit", [client("codecommit").get_repository(repositoryName=stack)["repositoryMetadata"]["repositoryName"]])
            except client("codecommit").exceptions.RepositoryDoesNotExistException:
                pass
            named("codebuild-project", every("codebuild", "list_projects", "projects"))
            named("codebuild-report-group", [a.split("/")[-1] for a in every("codebuild", "list_report_groups", "reportGroups")])
            named("codepipeline", [p["name"] for p in every("codepipeline", "list_pipelines", "pipelines")])
            named("events-rule", [r["Name"] for r in every("events", "list_rules", "Rules", NamePrefix=stack)])
            named("sns", [t["TopicArn"].split(":")[-1] for t in every("sns", "list_topics", "Topics")])
            named("ecr", [r["repositoryName"] for r in every("ecr", "describe_repositories", "repositories")])
            named("codeconnections", [c["ConnectionName"] for c in every("codeconnections", "list_connections", "Connections")])
            named("cloudfront-oac", [o["Name"] for o in every("cloudfront", "list_origin_access_controls", "OriginAccessControlList")])
            named("ssm", [p["Name"].split("/")[-1] for p in every("ssm", "get_parameters_by_path", "Parameters", Path="/pipectl/stacks/")])
            print("\n".join(left))
            """);
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
    }
}
