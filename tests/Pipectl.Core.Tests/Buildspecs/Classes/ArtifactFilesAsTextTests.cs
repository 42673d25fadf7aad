using Pipectl.Core.Buildspecs;

namespace Pipectl.Core.Tests.Buildspecs.Classes;

/// <summary><c>files: imagedefinitions.json</c>, the ECS tutorial's form: one file as text is a list of one.</summary>
public sealed class ArtifactFilesAsTextTests
{
    private const string Build = "version: 0.2\nphases:\n  build:\n    commands:\n      - make\n";

    [Theory]
    [InlineData("artifacts:\n  files: imagedefinitions.json\n")]
    [InlineData("artifacts:\n  files: '**/*'\n  exclude-paths: '**/*.tmp'\n")]
    [InlineData("artifacts:\n  files:\n    - x\n  secondary-artifacts:\n    site:\n      files: dist/index.html\n")]
    public void One_file_as_text_is_clean(string artifacts)
    {
        Assert.Empty(BuildspecValidator.ValidateWithWarnings("b.yml", Build + artifacts));
    }

    [Fact]
    public void Files_as_a_mapping_is_an_error_at_the_value()
    {
        Judged.SingleError(Build + "artifacts:\n  files:\n    name: x\n").At(8, 5, "artifacts.files must be a list");
    }

    [Fact]
    public void Artifacts_without_files_is_still_an_error()
    {
        Judged.SingleError(Build + "artifacts:\n  name: app\n").Says("artifacts has no files");
    }
}
