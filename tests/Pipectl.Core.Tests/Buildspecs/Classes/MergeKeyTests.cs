using Pipectl.Core.Buildspecs;

namespace Pipectl.Core.Tests.Buildspecs.Classes;

/// <summary>YAML merge keys (<c>&lt;&lt;: *defaults</c>) are applied, as CodeBuild's YAML reader applies them.</summary>
public sealed class MergeKeyTests
{
    [Fact]
    public void A_merged_phase_is_read_as_if_written_out()
    {
        const string text = """
            version: 0.2
            x-defaults: &defaults
              on-failure: ABORT
              commands:
                - make
            phases:
              build:
                <<: *defaults
              post_build:
                <<: *defaults
                commands:
                  - make deploy
            """;

        var diagnostics = BuildspecValidator.ValidateWithWarnings("b.yml", text);

        // Only the helper key is unknown; the merge key itself is not reported, and neither phase lacks commands.
        var warning = Assert.Single(diagnostics);
        Assert.Contains("unknown key 'x-defaults'", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_of_merged_mappings_is_applied_and_an_error_in_it_points_at_the_alias()
    {
        const string text = "version: 0.2\nbase: &base\n  upload-artifacts: yes\nlogs: &logs\n  logs: sometimes\nproxy:\n  <<: [*base, *logs]\nphases:\n  build:\n    commands:\n      - make\n";

        Judged.SingleError(text).At(7, 15, "proxy.logs must be yes or no");
    }

    [Fact]
    public void A_key_written_in_the_mapping_wins_over_the_merged_one()
    {
        const string text = "version: 0.2\nd: &d\n  logs: sometimes\nproxy:\n  <<: *d\n  logs: yes\nphases:\n  build:\n    commands:\n      - make\n";

        Assert.Empty(BuildspecValidator.Validate("b.yml", text));
    }

    [Fact]
    public void Merging_a_value_that_is_not_a_mapping_is_an_error()
    {
        const string text = "version: 0.2\nproxy:\n  <<: yes\nphases:\n  build:\n    commands:\n      - make\n";

        Judged.SingleError(text).At(3, 7, "merge key");
    }
}
