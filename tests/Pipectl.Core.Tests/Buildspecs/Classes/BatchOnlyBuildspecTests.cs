using Pipectl.Core.Buildspecs;

namespace Pipectl.Core.Tests.Buildspecs.Classes;

/// <summary>A buildspec with a batch section and no phases: each task of the batch names its own buildspec.</summary>
public sealed class BatchOnlyBuildspecTests
{
    [Fact]
    public void A_build_list_whose_tasks_name_their_buildspecs_needs_no_phases()
    {
        const string text = """
            version: 0.2
            batch:
              fast-fail: true
              build-list:
                - identifier: linux
                  buildspec: ci/buildspec-linux.yml
                  env:
                    compute-type: BUILD_GENERAL1_SMALL
                    privileged-mode: false
                    variables:
                      TARGET: linux
                - identifier: windows
                  buildspec: ci/buildspec-windows.yml
                  ignore-failure: true
                  env:
                    type: WINDOWS_SERVER_2019_CONTAINER
                    image: aws/codebuild/windows-base:2019-3.0
            """;

        Assert.Empty(BuildspecValidator.ValidateWithWarnings("batch.yml", text));
    }

    [Fact]
    public void A_build_graph_task_without_an_identifier_is_an_error_at_the_task()
    {
        const string text = "version: 0.2\nbatch:\n  build-graph:\n    - buildspec: a.yml\n    - identifier: b\n      buildspec: b.yml\n      depend-on:\n        - a\n";

        Judged.SingleError(text).At(4, 7, "no identifier");
    }

    [Fact]
    public void A_task_without_its_own_buildspec_in_a_file_without_phases_is_a_warning_at_the_task()
    {
        const string text = "version: 0.2\nbatch:\n  build-list:\n    - identifier: a\n      buildspec: a.yml\n    - identifier: b\n";

        var warning = Judged.SingleWarning(text);

        Assert.Equal(6, warning.Line);
        Assert.Contains("names no buildspec", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_batch_a_missing_phases_is_still_an_error()
    {
        Judged.SingleError("version: 0.2\nartifacts:\n  files: x\n").Says("has no phases");
    }

    [Fact]
    public void A_task_with_a_list_as_buildspec_is_an_error()
    {
        var error = Judged.SingleError("version: 0.2\nbatch:\n  build-list:\n    - identifier: a\n      buildspec: [a.yml]\n");

        Assert.Equal((5, 18), (error.Line, error.Column));
    }
}
