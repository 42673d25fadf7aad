using Pipectl.Aws.CodeBuild;
using Pipectl.Aws.Errors;
using Pipectl.Core.Provisioning;
using Pipectl.Core.Resources;

namespace Pipectl.Aws.Provisioning;

/// <summary>
/// A CodeBuild report group of the Test stage, read by ARN (BatchGetReportGroups takes no names). Created with its
/// type, NO_EXPORT and the stack's tags; a create whose reply was lost is recognised by ResourceAlreadyExistsException,
/// read back, checked for ownership and converged. UpdateReportGroup replaces the tag list, so the existing tags are
/// sent with pipectl's merged in. A group cannot change type: a type that differs stops the run. Teardown deletes
/// the group with its reports (deleteReports): they are the stack's test results.
/// </summary>
public sealed class ReportGroupDriver(CodeBuildClient codeBuild) : IResourceDriver<ReportGroupSpec, ReportGroupState>
{
    public string Type => ResourceTypes.ReportGroup;

    public string? ArnOf(ReportGroupState state) => state.Arn;

    public async Task<ReportGroupState?> ReadAsync(ReportGroupSpec desired, CancellationToken cancellationToken)
    {
        var reply = await codeBuild.BatchGetReportGroupsAsync([desired.Arn], cancellationToken).ConfigureAwait(false);
        var group = reply.ReportGroups?.FirstOrDefault(g => g.Arn == desired.Arn);

        // A group being deleted is still described for a while (status DELETING): it is as good as gone.
        return group is null || group.Status == "DELETING" ? null : ToState(desired, group);
    }

    public async Task<ReportGroupState> CreateAsync(ReportGroupSpec desired, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await codeBuild.CreateReportGroupAsync(
                new CreateReportGroupRequest(desired.Name, desired.Type, new ReportExportConfig(ReportGroupSpec.NoExport), Tags(desired.Tags)),
                cancellationToken).ConfigureAwait(false);
            if (reply.ReportGroup is { Arn.Length: > 0 } created)
            {
                return ToState(desired, created);
            }
        }
        catch (AwsResourceExistsException)
        {
            // An earlier attempt created it (its reply was lost), or it appeared meanwhile: converge it below.
        }

        var state = OwnershipGuard.Owned(
            await ReadAsync(desired, cancellationToken).ConfigureAwait(false)
                ?? throw new ProvisioningException($"{What(desired)} was created but cannot be read back."),
            desired.Tags,
            What(desired));
        var changes = desired.DifferencesFrom(state);
        return changes.Count == 0 ? state : await UpdateAsync(desired, state, changes, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ReportGroupState> UpdateAsync(ReportGroupSpec desired, ReportGroupState actual, IReadOnlyList<string> changes, CancellationToken cancellationToken)
    {
        if (actual.Type != desired.Type)
        {
            throw new ProvisioningException(
                $"{What(desired)} holds {actual.Type} reports, but the test buildspec's report is {desired.Type}: a report group cannot change type. Rename the report in the buildspec, or tear the stack down and bootstrap again.")
            {
                RerunHelps = false,
            };
        }

        var tags = new Dictionary<string, string>(actual.Tags, StringComparer.Ordinal);
        foreach (var (key, value) in desired.Tags)
        {
            tags[key] = value;
        }

        var reply = await codeBuild.UpdateReportGroupAsync(
            new UpdateReportGroupRequest(actual.Arn, new ReportExportConfig(ReportGroupSpec.NoExport), Tags(tags)),
            cancellationToken).ConfigureAwait(false);
        return reply.ReportGroup is { Arn.Length: > 0 } updated ? ToState(desired, updated) : actual with { ExportConfigType = ReportGroupSpec.NoExport, Tags = tags };
    }

    public async Task DeleteAsync(ReportGroupState actual, CancellationToken cancellationToken)
    {
        try
        {
            await codeBuild.DeleteReportGroupAsync(actual.Arn, deleteReports: true, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsResourceNotFoundException)
        {
            // Already gone: an earlier teardown got this far.
        }
    }

    private static List<CodeBuildTag> Tags(IReadOnlyDictionary<string, string> tags) => [.. tags.Select(t => new CodeBuildTag(t.Key, t.Value))];

    private static string What(ReportGroupSpec desired) => $"CodeBuild report group {desired.Name}";

    private static ReportGroupState ToState(ReportGroupSpec desired, ReportGroup group) => new(
        group.Name ?? desired.Name,
        group.Arn ?? desired.Arn,
        group.Type ?? string.Empty,
        group.ExportConfig?.ExportConfigType,
        (group.Tags ?? []).GroupBy(t => t.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal));
}
