using System.Text.Json;
using System.Text.Json.Nodes;
using Pipectl.Aws.Provisioning;
using Pipectl.Aws.Tests.Wire;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Pipelines;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;
using Pipectl.Core.Stacks;
using AwsActionTypeId = Pipectl.Aws.CodePipeline.ActionTypeId;
using AwsPipeline = Pipectl.Aws.CodePipeline.PipelineDeclaration;
using CorePipeline = Pipectl.Core.Pipelines.PipelineDeclaration;

namespace Pipectl.Aws.Tests.DriverWireTests;

/// <summary>
/// The pipeline and rule drivers against a loopback server that plays CodePipeline and EventBridge: every
/// request is checked against the botocore model, and the server keeps just enough state to answer reads.
/// </summary>
public sealed class PipelineAndRuleDriverTests
{
    private const string CodePipelinePrefix = "CodePipeline_20150709.";
    private const string EventsPrefix = "AWSEvents.";
    private const string AssumeRoleMessage = "CodePipeline is not authorized to perform AssumeRole on role arn:aws:iam::123456789012:role/demo-pipeline-role";

    private static readonly StackSpec Stack = StackSpec.FromStackName("demo", "us-east-1", "123456789012") with { ApprovalEmail = "ops@example.com" };

    private static readonly DesiredStack Desired = DesiredStack.From(Stack);

    // ---------------------------------------------------------------- mapper

    [Fact]
    public void Mapper_round_trip_Core_to_AWS_to_Core_is_exact()
    {
        var declaration = PipelineDeclarationFactory.Create(Stack) with { Version = 7, ExecutionMode = "QUEUED" };

        var back = PipelineDeclarationMapper.ToCore(PipelineDeclarationMapper.ToAws(declaration));

        Assert.Equal(Json(declaration), Json(back));
        Assert.Empty(PipelineDeclarationComparer.Differences(declaration, back));
        Assert.Equal(7, back.Version);
        Assert.Equal(4, back.Stages.Count);
    }

    [Fact]
    public void Mapper_to_AWS_carries_every_field()
    {
        var declaration = PipelineDeclarationFactory.Create(Stack) with { Version = 3 };

        var aws = PipelineDeclarationMapper.ToAws(declaration);

        Assert.Equal((Stack.PipelineName, declaration.RoleArn, 3, "V2"), (aws.Name, aws.RoleArn, aws.Version, aws.PipelineType));
        Assert.Equal(new Pipectl.Aws.CodePipeline.ArtifactStore("S3", Stack.ArtifactBucketName), aws.ArtifactStore);
        Assert.Equal(["Source", "Build", "Approval", "Deploy"], aws.Stages.Select(s => s.Name));
        var source = aws.Stages[0].Actions.Single();
        Assert.Equal(new AwsActionTypeId("Source", "AWS", "CodeCommit", "1"), source.ActionTypeId);
        Assert.Equal(1, source.RunOrder);
        Assert.Equal("false", source.Configuration!["PollForSourceChanges"]);
        Assert.Equal("SourceOutput", source.OutputArtifacts!.Single().Name);
        Assert.Null(source.InputArtifacts);
        var approval = aws.Stages[2].Actions.Single();
        Assert.StartsWith("arn:aws:sns:us-east-1:123456789012:", approval.Configuration!["NotificationArn"], StringComparison.Ordinal);
        var deploy = aws.Stages[3].Actions.Single();
        Assert.Equal("BuildOutput", deploy.InputArtifacts!.Single().Name);
        Assert.Equal(Pipectl.Core.Naming.StackArns.For(Stack).DeployRole, deploy.RoleArn);
    }

    [Fact]
    public void Mapper_to_Core_reads_absent_members_as_empty_and_keeps_a_missing_run_order_missing()
    {
        var aws = new AwsPipeline(
            "p",
            "arn:aws:iam::123456789012:role/r",
            null,
            [new Pipectl.Aws.CodePipeline.StageDeclaration("Approve", [new Pipectl.Aws.CodePipeline.ActionDeclaration("Approve", new AwsActionTypeId("Approval", "AWS", "Manual", "1"))])]);

        var core = PipelineDeclarationMapper.ToCore(aws);

        var action = core.Stages.Single().Actions.Single();
        Assert.Null(action.RunOrder);
        Assert.Empty(action.Configuration);
        Assert.Empty(action.InputArtifacts);
        Assert.Empty(action.OutputArtifacts);
        Assert.Null(action.RoleArn);
        Assert.Null(core.PipelineType);
        Assert.Null(PipelineDeclarationMapper.ToAws(core).ArtifactStore);
    }

    // ---------------------------------------------------------------- pipeline driver

    /// <param name="arnKnown">
    /// The driver can spell the pipeline's ARN (as pipectl's drivers can): CreatePipeline's reply then serves, with
    /// no GetPipeline after it. Without it, the ARN is read back.
    /// </param>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Pipeline_create_sends_a_conforming_V2_declaration_without_polling(bool arnKnown)
    {
        using var server = new WireServer();
        var fake = new FakeCodePipeline();
        server.Responder = fake.Answer;
        using var session = WireSession.For(server);
        var driver = new PipelineDriver(session.CodePipeline, new IamPropagation(SilentProgress.Instance, NoDelay()), arnKnown ? name => Task.FromResult(fake.Arn(name)) : null);

        var (outcome, state) = await Converger.ConvergeAsync(driver, Desired.Pipeline, dryRun: false, CancellationToken.None);

        Assert.Equal(ResourceAction.Created, outcome.Action);
        Assert.Equal(fake.Arn(Stack.PipelineName), outcome.Arn);
        Assert.Equal(1, state!.Declaration.Version);
        var create = server.Requests.Single(r => r.Target == CodePipelinePrefix + "CreatePipeline");
        ModelAssert.JsonRequestConforms("codepipeline", "CreatePipeline", create);
        using var body = JsonDocument.Parse(create.Body);
        var pipeline = body.RootElement.GetProperty("pipeline");
        Assert.False(pipeline.TryGetProperty("version", out _));
        Assert.Equal("V2", pipeline.GetProperty("pipelineType").GetString());
        var stages = pipeline.GetProperty("stages");
        var source = stages[0].GetProperty("actions")[0];
        Assert.Equal("false", source.GetProperty("configuration").GetProperty("PollForSourceChanges").GetString());
        Assert.Equal("main", source.GetProperty("configuration").GetProperty("BranchName").GetString());
        var deploy = stages[3].GetProperty("actions")[0];
        Assert.Equal("Deploy", deploy.GetProperty("name").GetString());
        Assert.Equal(Pipectl.Core.Naming.StackArns.For(Stack).DeployRole, deploy.GetProperty("roleArn").GetString());
        Assert.Equal(StackDefaults.StackTagKey, body.RootElement.GetProperty("tags")[0].GetProperty("key").GetString());
        Assert.Equal("demo", body.RootElement.GetProperty("tags")[0].GetProperty("value").GetString());
        Assert.DoesNotContain(server.Requests, r => r.Target == CodePipelinePrefix + "UpdatePipeline");
        Assert.Equal(arnKnown ? 1 : 2, server.Requests.Count(r => r.Target == CodePipelinePrefix + "GetPipeline"));
    }

    [Fact]
    public async Task Pipeline_create_is_retried_while_IAM_propagates_the_role()
    {
        using var server = new WireServer().Reply(
            WireReply.JsonError(400, "PipelineNotFoundException", "Account '123456789012' does not have a pipeline with name 'demo-pipeline'"),
            WireReply.JsonError(400, "InvalidStructureException", AssumeRoleMessage));
        var fake = new FakeCodePipeline();
        server.Responder = fake.Answer;
        using var session = WireSession.For(server);
        var delays = new List<TimeSpan>();
        var driver = new PipelineDriver(session.CodePipeline, new IamPropagation(SilentProgress.Instance, NoDelay(delays), jitter: () => 0.0));

        var (outcome, _) = await Converger.ConvergeAsync(driver, Desired.Pipeline, dryRun: false, CancellationToken.None);

        Assert.Equal(ResourceAction.Created, outcome.Action);
        Assert.Equal(2, server.Requests.Count(r => r.Target == CodePipelinePrefix + "CreatePipeline"));
        Assert.Equal([IamPropagation.MinStep], delays);
    }

    [Fact]
    public async Task Pipeline_create_does_not_retry_other_structure_errors()
    {
        using var server = new WireServer().Reply(
            WireReply.JsonError(400, "InvalidStructureException", "Pipeline has only 1 stage(s). There should be a minimum of 2 stages in a pipeline"));
        using var session = WireSession.For(server);
        var delays = new List<TimeSpan>();
        var driver = new PipelineDriver(session.CodePipeline, new IamPropagation(SilentProgress.Instance, NoDelay(delays)));

        await Assert.ThrowsAsync<Pipectl.Aws.Errors.AwsValidationException>(() => driver.CreateAsync(Desired.Pipeline, CancellationToken.None));

        Assert.Single(server.Requests);
        Assert.Empty(delays);
    }

    [Fact]
    public async Task Pipeline_of_the_stack_that_already_exists_on_create_is_read_back_and_converged()
    {
        using var server = new WireServer();
        var fake = new FakeCodePipeline();
        var drifted = PipelineDeclarationFactory.Create(Stack with { Branch = "develop" });
        fake.Seed(PipelineDeclarationMapper.ToAws(drifted), version: 4, tags: new() { ["team"] = "web", [StackDefaults.StackTagKey] = "demo", [StackOwnership.RegionTagKey] = "us-east-1" });
        server.Reply(WireReply.JsonError(400, "PipelineNameInUseException", "Pipeline name demo-pipeline is already in use"));
        server.Responder = fake.Answer;
        using var session = WireSession.For(server);
        var driver = new PipelineDriver(session.CodePipeline, new IamPropagation(SilentProgress.Instance, NoDelay()));

        var state = await driver.CreateAsync(Desired.Pipeline, CancellationToken.None);

        var update = server.Requests.Single(r => r.Target == CodePipelinePrefix + "UpdatePipeline");
        ModelAssert.JsonRequestConforms("codepipeline", "UpdatePipeline", update);
        using var body = JsonDocument.Parse(update.Body);
        Assert.Equal(4, body.RootElement.GetProperty("pipeline").GetProperty("version").GetInt32());
        Assert.Equal("main", body.RootElement.GetProperty("pipeline").GetProperty("stages")[0].GetProperty("actions")[0].GetProperty("configuration").GetProperty("BranchName").GetString());
        Assert.DoesNotContain(server.Requests, r => r.Target == CodePipelinePrefix + "TagResource");
        Assert.Equal(5, state.Declaration.Version);
        Assert.Equal(new Dictionary<string, string> { ["team"] = "web", [StackDefaults.StackTagKey] = "demo", [StackOwnership.RegionTagKey] = "us-east-1" }, state.Tags);
    }

    [Fact]
    public async Task Pipeline_someone_else_made_under_the_name_meanwhile_is_refused_not_converged()
    {
        using var server = new WireServer();
        var fake = new FakeCodePipeline();
        fake.Seed(PipelineDeclarationMapper.ToAws(PipelineDeclarationFactory.Create(Stack with { Branch = "develop" })), version: 4, tags: new() { ["team"] = "web" });
        server.Reply(WireReply.JsonError(400, "PipelineNameInUseException", "Pipeline name demo-pipeline is already in use"));
        server.Responder = fake.Answer;
        using var session = WireSession.For(server);
        var driver = new PipelineDriver(session.CodePipeline, new IamPropagation(SilentProgress.Instance, NoDelay()));

        var refusal = await Assert.ThrowsAsync<ProvisioningException>(() => driver.CreateAsync(Desired.Pipeline, CancellationToken.None));

        Assert.Contains("not created by pipectl for this stack", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Requests, r => r.Target is CodePipelinePrefix + "UpdatePipeline" or CodePipelinePrefix + "TagResource");
    }

    [Fact]
    public async Task Pipeline_update_sends_the_current_version_and_only_missing_tags()
    {
        using var server = new WireServer();
        var fake = new FakeCodePipeline();
        fake.Seed(PipelineDeclarationMapper.ToAws(PipelineDeclarationFactory.Create(Stack)), version: 2, tags: new(Desired.Pipeline.Tags));
        server.Responder = fake.Answer;
        using var session = WireSession.For(server);
        var driver = new PipelineDriver(session.CodePipeline, new IamPropagation(SilentProgress.Instance, NoDelay()));
        var spec = new PipelineSpec(PipelineDeclarationFactory.Create(Stack with { Branch = "release" }), Desired.Pipeline.Tags);

        var (outcome, state) = await Converger.ConvergeAsync(driver, spec, dryRun: false, CancellationToken.None);

        Assert.Equal(ResourceAction.Updated, outcome.Action);
        Assert.Contains(outcome.Changes, c => c.Contains("BranchName", StringComparison.Ordinal) && c.Contains("release", StringComparison.Ordinal));
        var update = server.Requests.Single(r => r.Target == CodePipelinePrefix + "UpdatePipeline");
        ModelAssert.JsonRequestConforms("codepipeline", "UpdatePipeline", update);
        using var body = JsonDocument.Parse(update.Body);
        Assert.Equal(2, body.RootElement.GetProperty("pipeline").GetProperty("version").GetInt32());
        Assert.DoesNotContain(server.Requests, r => r.Target == CodePipelinePrefix + "TagResource");
        Assert.Equal(3, state!.Declaration.Version);
        Assert.Equal("release", state.Declaration.Stages[0].Actions[0].Configuration["BranchName"]);
    }

    [Fact]
    public async Task Pipeline_read_of_a_missing_pipeline_is_null_and_reads_tags_by_the_metadata_arn()
    {
        using var server = new WireServer();
        var fake = new FakeCodePipeline();
        server.Responder = fake.Answer;
        using var session = WireSession.For(server);
        var driver = new PipelineDriver(session.CodePipeline, new IamPropagation(SilentProgress.Instance, NoDelay()));

        Assert.Null(await driver.ReadAsync(Desired.Pipeline, CancellationToken.None));

        fake.Seed(PipelineDeclarationMapper.ToAws(PipelineDeclarationFactory.Create(Stack)), version: 1, tags: new() { ["a"] = "b" });
        var state = await driver.ReadAsync(Desired.Pipeline, CancellationToken.None);
        Assert.NotNull(state);
        Assert.Equal(fake.Arn(Stack.PipelineName), state.Arn);
        Assert.Equal(new Dictionary<string, string> { ["a"] = "b" }, state.Tags);
        var list = server.Requests.Single(r => r.Target == CodePipelinePrefix + "ListTagsForResource");
        ModelAssert.JsonRequestConforms("codepipeline", "ListTagsForResource", list);
        Assert.Equal(0, session.Counter.Mutating);
    }

    // ---------------------------------------------------------------- rule driver

    [Fact]
    public async Task Rule_create_puts_the_rule_then_its_one_target_with_the_events_role()
    {
        using var server = new WireServer();
        var fake = new FakeEventBridge();
        server.Responder = fake.Answer;
        using var session = WireSession.For(server);
        var driver = new RuleDriver(session.EventBridge);

        var (outcome, state) = await Converger.ConvergeAsync(driver, Desired.Rule, dryRun: false, CancellationToken.None);

        Assert.Equal(ResourceAction.Created, outcome.Action);
        Assert.Equal(fake.Arn(Stack.RuleName), state!.Arn);
        var putRule = server.Requests.Single(r => r.Target == EventsPrefix + "PutRule");
        ModelAssert.JsonRequestConforms("events", "PutRule", putRule);
        using (var body = JsonDocument.Parse(putRule.Body))
        {
            Assert.Equal(Stack.RuleName, body.RootElement.GetProperty("Name").GetString());
            Assert.Equal(Desired.Rule.EventPattern, body.RootElement.GetProperty("EventPattern").GetString());
            Assert.Equal("ENABLED", body.RootElement.GetProperty("State").GetString());
            Assert.Equal(Desired.Rule.Description, body.RootElement.GetProperty("Description").GetString());
            Assert.Equal(StackDefaults.StackTagKey, body.RootElement.GetProperty("Tags")[0].GetProperty("Key").GetString());
        }

        var putTargets = server.Requests.Single(r => r.Target == EventsPrefix + "PutTargets");
        ModelAssert.JsonRequestConforms("events", "PutTargets", putTargets);
        using (var body = JsonDocument.Parse(putTargets.Body))
        {
            var target = body.RootElement.GetProperty("Targets").EnumerateArray().Single();
            Assert.Equal(DesiredStack.RuleTargetId, target.GetProperty("Id").GetString());
            Assert.Equal(Pipectl.Core.Naming.StackArns.For(Stack).Pipeline, target.GetProperty("Arn").GetString());
            Assert.Equal(Pipectl.Core.Naming.StackArns.For(Stack).EventsRole, target.GetProperty("RoleArn").GetString());
        }

        Assert.True(server.Requests.ToList().FindIndex(r => r.Target == EventsPrefix + "PutRule") < server.Requests.ToList().FindIndex(r => r.Target == EventsPrefix + "PutTargets"));
    }

    [Fact]
    public async Task Rule_target_that_EventBridge_refuses_is_a_provisioning_error()
    {
        using var server = new WireServer();
        var fake = new FakeEventBridge
        {
            PutTargetsReply = """{"FailedEntryCount":1,"FailedEntries":[{"TargetId":"pipeline","ErrorCode":"ValidationException","ErrorMessage":"Parameter(s) RoleArn not valid for target pipeline."}]}""",
        };
        server.Responder = fake.Answer;
        using var session = WireSession.For(server);
        var driver = new RuleDriver(session.EventBridge);

        var e = await Assert.ThrowsAsync<ProvisioningException>(() => driver.CreateAsync(Desired.Rule, CancellationToken.None));

        Assert.Contains("RoleArn not valid", e.Message, StringComparison.Ordinal);
        Assert.Contains("ValidationException", e.Message, StringComparison.Ordinal);
        Assert.Contains(Stack.RuleName, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rule_update_rewrites_the_pattern_and_our_target_and_leaves_other_targets_alone()
    {
        using var server = new WireServer();
        var fake = new FakeEventBridge();
        var arns = Pipectl.Core.Naming.StackArns.For(Stack);
        fake.Seed(Stack.RuleName, TriggerEventPattern.Create(arns.Repository, "develop"),
            [
                new JsonObject { ["Id"] = "someone-else", ["Arn"] = "arn:aws:sns:us-east-1:123456789012:audit" },
                new JsonObject { ["Id"] = DesiredStack.RuleTargetId, ["Arn"] = arns.Pipeline, ["RoleArn"] = "arn:aws:iam::123456789012:role/old" },
            ],
            new(Desired.Rule.Tags));
        server.Responder = fake.Answer;
        using var session = WireSession.For(server);
        var driver = new RuleDriver(session.EventBridge);

        var (outcome, state) = await Converger.ConvergeAsync(driver, Desired.Rule, dryRun: false, CancellationToken.None);

        Assert.Equal(ResourceAction.Updated, outcome.Action);
        ModelAssert.JsonRequestConforms("events", "PutRule", server.Requests.Single(r => r.Target == EventsPrefix + "PutRule"));
        var putTargets = server.Requests.Single(r => r.Target == EventsPrefix + "PutTargets");
        ModelAssert.JsonRequestConforms("events", "PutTargets", putTargets);
        using var body = JsonDocument.Parse(putTargets.Body);
        Assert.Equal(arns.EventsRole, body.RootElement.GetProperty("Targets").EnumerateArray().Single().GetProperty("RoleArn").GetString());
        Assert.DoesNotContain(server.Requests, r => r.Target == EventsPrefix + "RemoveTargets");
        Assert.DoesNotContain(server.Requests, r => r.Target == EventsPrefix + "TagResource");
        Assert.Equal(["someone-else", DesiredStack.RuleTargetId], state!.Targets.Select(t => t.Id));
        Assert.Equal(2, fake.TargetCount(Stack.RuleName));
        Assert.Equal(ResourceAction.Unchanged, (await Converger.ConvergeAsync(driver, Desired.Rule, dryRun: false, CancellationToken.None)).Outcome.Action);
    }

    [Fact]
    public async Task Rule_read_of_a_missing_rule_is_null()
    {
        using var server = new WireServer();
        server.Responder = new FakeEventBridge().Answer;
        using var session = WireSession.For(server);

        Assert.Null(await new RuleDriver(session.EventBridge).ReadAsync(Desired.Rule, CancellationToken.None));
        ModelAssert.JsonRequestConforms("events", "DescribeRule", server.LastRequest);
    }

    // ---------------------------------------------------------------- helpers

    private static Func<TimeSpan, CancellationToken, Task> NoDelay(List<TimeSpan>? record = null) => (delay, _) =>
    {
        if (record is not null)
        {
            lock (record)
            {
                record.Add(delay);
            }
        }

        return Task.CompletedTask;
    };

    private static string Json(CorePipeline declaration) => JsonSerializer.Serialize(declaration);

    /// <summary>Just enough of CodePipeline to answer the driver: one account in us-east-1, JSON kept as sent.</summary>
    private sealed class FakeCodePipeline
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<string, JsonObject> _pipelines = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Dictionary<string, string>> _tags = new(StringComparer.Ordinal);

        public string Arn(string name) => $"arn:aws:codepipeline:us-east-1:123456789012:{name}";

        public void Seed(AwsPipeline declaration, int version, Dictionary<string, string> tags)
        {
            var node = JsonNode.Parse(JsonSerializer.Serialize(declaration, WireJson))!.AsObject();
            node["version"] = version;
            lock (_gate)
            {
                _pipelines[declaration.Name] = node;
                _tags[Arn(declaration.Name)] = tags;
            }
        }

        public WireReply Answer(RecordedRequest request)
        {
            var body = JsonNode.Parse(request.BodyText)!.AsObject();
            lock (_gate)
            {
                switch (request.Target?[CodePipelinePrefix.Length..])
                {
                    case "CreatePipeline":
                        {
                            var pipeline = body["pipeline"]!.DeepClone().AsObject();
                            var name = pipeline["name"]!.GetValue<string>();
                            if (_pipelines.ContainsKey(name))
                            {
                                return WireReply.JsonError(400, "PipelineNameInUseException", $"Pipeline name {name} is already in use");
                            }

                            pipeline["version"] = 1;
                            _pipelines[name] = pipeline;
                            _tags[Arn(name)] = (body["tags"]?.AsArray() ?? []).ToDictionary(t => t!["key"]!.GetValue<string>(), t => t!["value"]!.GetValue<string>());
                            return WireReply.Json(new JsonObject { ["pipeline"] = pipeline.DeepClone(), ["tags"] = body["tags"]?.DeepClone() }.ToJsonString());
                        }

                    case "GetPipeline":
                        {
                            var name = body["name"]!.GetValue<string>();
                            return _pipelines.TryGetValue(name, out var pipeline)
                                ? WireReply.Json(new JsonObject
                                {
                                    ["pipeline"] = pipeline.DeepClone(),
                                    ["metadata"] = new JsonObject { ["pipelineArn"] = Arn(name), ["created"] = 1700000000, ["updated"] = 1700000000 },
                                }.ToJsonString())
                                : WireReply.JsonError(400, "PipelineNotFoundException", $"Account '123456789012' does not have a pipeline with name '{name}'");
                        }

                    case "UpdatePipeline":
                        {
                            var pipeline = body["pipeline"]!.DeepClone().AsObject();
                            var name = pipeline["name"]!.GetValue<string>();
                            if (!_pipelines.TryGetValue(name, out var current))
                            {
                                return WireReply.JsonError(400, "PipelineNotFoundException", $"Account '123456789012' does not have a pipeline with name '{name}'");
                            }

                            pipeline["version"] = current["version"]!.GetValue<int>() + 1;
                            _pipelines[name] = pipeline;
                            return WireReply.Json(new JsonObject { ["pipeline"] = pipeline.DeepClone() }.ToJsonString());
                        }

                    case "ListTagsForResource":
                        {
                            var arn = body["resourceArn"]!.GetValue<string>();
                            var tags = new JsonArray([.. (_tags.TryGetValue(arn, out var t) ? t : []).Select(p => (JsonNode)new JsonObject { ["key"] = p.Key, ["value"] = p.Value })]);
                            return WireReply.Json(new JsonObject { ["tags"] = tags }.ToJsonString());
                        }

                    case "TagResource":
                        {
                            var arn = body["resourceArn"]!.GetValue<string>();
                            var tags = _tags.TryGetValue(arn, out var t) ? t : _tags[arn] = [];
                            foreach (var tag in body["tags"]!.AsArray())
                            {
                                tags[tag!["key"]!.GetValue<string>()] = tag["value"]!.GetValue<string>();
                            }

                            return WireReply.Json("{}");
                        }

                    default:
                        return WireReply.JsonError(400, "UnknownOperationException", $"not faked: {request.Target}");
                }
            }
        }

        private static readonly JsonSerializerOptions WireJson = new()
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        };
    }

    /// <summary>Just enough of EventBridge: rules on the default bus, targets replaced by Id, tags by ARN.</summary>
    private sealed class FakeEventBridge
    {
        private readonly Lock _gate = new();
        private readonly Dictionary<string, JsonObject> _rules = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<JsonObject>> _targets = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Dictionary<string, string>> _tags = new(StringComparer.Ordinal);

        public string? PutTargetsReply { get; init; }

        public string Arn(string name) => $"arn:aws:events:us-east-1:123456789012:rule/{name}";

        public int TargetCount(string rule)
        {
            lock (_gate)
            {
                return _targets.TryGetValue(rule, out var targets) ? targets.Count : 0;
            }
        }

        public void Seed(string name, string pattern, IEnumerable<JsonObject> targets, Dictionary<string, string> tags)
        {
            lock (_gate)
            {
                _rules[name] = new JsonObject { ["Name"] = name, ["Arn"] = Arn(name), ["EventPattern"] = pattern, ["State"] = "ENABLED", ["EventBusName"] = "default" };
                _targets[name] = targets.ToList();
                _tags[Arn(name)] = tags;
            }
        }

        public WireReply Answer(RecordedRequest request)
        {
            var body = JsonNode.Parse(request.BodyText)!.AsObject();
            lock (_gate)
            {
                switch (request.Target?[EventsPrefix.Length..])
                {
                    case "PutRule":
                        {
                            var name = body["Name"]!.GetValue<string>();
                            _rules[name] = new JsonObject
                            {
                                ["Name"] = name,
                                ["Arn"] = Arn(name),
                                ["EventPattern"] = body["EventPattern"]?.GetValue<string>(),
                                ["State"] = body["State"]?.GetValue<string>() ?? "ENABLED",
                                ["Description"] = body["Description"]?.GetValue<string>(),
                                ["EventBusName"] = "default",
                            };
                            _targets.TryAdd(name, []);
                            var tags = _tags.TryGetValue(Arn(name), out var t) ? t : _tags[Arn(name)] = [];
                            foreach (var tag in body["Tags"]?.AsArray() ?? [])
                            {
                                tags[tag!["Key"]!.GetValue<string>()] = tag["Value"]!.GetValue<string>();
                            }

                            return WireReply.Json(new JsonObject { ["RuleArn"] = Arn(name) }.ToJsonString());
                        }

                    case "DescribeRule":
                        {
                            var name = body["Name"]!.GetValue<string>();
                            return _rules.TryGetValue(name, out var rule)
                                ? WireReply.Json(rule.ToJsonString())
                                : WireReply.JsonError(400, "ResourceNotFoundException", $"Rule {name} does not exist on EventBus default.");
                        }

                    case "PutTargets":
                        {
                            if (PutTargetsReply is not null)
                            {
                                return WireReply.Json(PutTargetsReply);
                            }

                            var targets = _targets[body["Rule"]!.GetValue<string>()];
                            foreach (var target in body["Targets"]!.AsArray().Select(t => t!.DeepClone().AsObject()))
                            {
                                var index = targets.FindIndex(t => t["Id"]!.GetValue<string>() == target["Id"]!.GetValue<string>());
                                if (index >= 0)
                                {
                                    targets[index] = target;
                                }
                                else
                                {
                                    targets.Add(target);
                                }
                            }

                            return WireReply.Json("""{"FailedEntryCount":0,"FailedEntries":[]}""");
                        }

                    case "ListTargetsByRule":
                        {
                            var targets = _targets.TryGetValue(body["Rule"]!.GetValue<string>(), out var list) ? list : [];
                            return WireReply.Json(new JsonObject { ["Targets"] = new JsonArray([.. targets.Select(t => (JsonNode)t.DeepClone())]) }.ToJsonString());
                        }

                    case "ListTagsForResource":
                        {
                            var tags = _tags.TryGetValue(body["ResourceARN"]!.GetValue<string>(), out var t) ? t : [];
                            return WireReply.Json(new JsonObject { ["Tags"] = new JsonArray([.. tags.Select(p => (JsonNode)new JsonObject { ["Key"] = p.Key, ["Value"] = p.Value })]) }.ToJsonString());
                        }

                    case "TagResource":
                        {
                            var arn = body["ResourceARN"]!.GetValue<string>();
                            var tags = _tags.TryGetValue(arn, out var t) ? t : _tags[arn] = [];
                            foreach (var tag in body["Tags"]!.AsArray())
                            {
                                tags[tag!["Key"]!.GetValue<string>()] = tag["Value"]!.GetValue<string>();
                            }

                            return WireReply.Json("{}");
                        }

                    default:
                        return WireReply.JsonError(400, "UnknownOperationException", $"not faked: {request.Target}");
                }
            }
        }
    }
}
