namespace Pipectl.Cli.Hosting;

/// <summary>How results are printed on stdout.</summary>
public enum OutputFormat
{
    Text,
    Json,
}
