using Pipectl.Aws.Errors;
using Pipectl.Aws.Provisioning;
using Pipectl.Aws.Session;
using Pipectl.Aws.Ssm;
using Pipectl.Core.Engine;
using Pipectl.Core.Orchestration;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Stacks;

namespace Pipectl.Aws.Operations;

/// <summary>The account of a stack run (<see cref="IStackBackend"/>) on one AWS session, which it owns and disposes.</summary>
public sealed class AwsStackBackend(AwsSession session) : IStackBackend
{
    private StackRecordStore Records => new(session.Ssm);

    public bool HasCredentials() => session.HasCredentials();

    public void RequireCredentials() => _ = session.CredentialSource;

    public Task<CallerIdentity> CallerAsync(CancellationToken cancellationToken) => session.CallerAsync(cancellationToken);

    public IAccountDrivers Drivers(Task<string> account, bool deleteImages) => new AwsStackDrivers(session, account, SilentProgress.Instance) { DeleteImages = deleteImages };

    public Task<FoundStack> FindAsync(string stackName, string region, CancellationToken cancellationToken) => new StackFinder(session.Tagging).FindAsync(stackName, region, cancellationToken);

    public Task<StackRecord?> ReadRecordAsync(string stackName, CancellationToken cancellationToken) => Records.ReadAsync(stackName, cancellationToken);

    public Task<StackRecord> WriteRecordAsync(StackRecord record, bool exists, CancellationToken cancellationToken) => Records.WriteAsync(record, exists, cancellationToken);

    public Task DeleteRecordAsync(string stackName, CancellationToken cancellationToken) => Records.DeleteAsync(stackName, cancellationToken);

    public Task<DeployedStages> ReadDeployedStagesAsync(StackSpec spec, CancellationToken cancellationToken) => new DeployedStagesReader(session.CodePipeline, session.CodeBuild).ReadAsync(spec, cancellationToken);

    public Task<PermissionCheckResult> CheckPermissionsAsync(string callerArn, IReadOnlyList<PlannedWrite> writes, CancellationToken cancellationToken) => new CallerPermissions(session.Iam).CheckAsync(callerArn, writes, cancellationToken);

    public IStackContents Contents => new StackContents(session.CodeCommit, session.S3);

    public Task<string> WaitForConnectionAsync(string connectionArn, Action<string, TimeSpan> progress, CancellationToken cancellationToken) =>
        new ConnectionWaiter(session.CodeConnections, ConnectionWaiter.DefaultPollInterval).WaitAsync(connectionArn, progress, cancellationToken);

    public string? RequestFailureText(Exception failure) => AwsFailureText.IsRequestFailure(failure) ? AwsFailureText.Brief(failure) ?? failure.Message : null;

    public RequestTally Tally => new(session.Counter.Total, session.Counter.Mutating, session.Counter.ByOperation(), session.Counter.Created);

    public void Dispose() => session.Dispose();
}
