using Pipectl.Core.Stacks;

namespace Pipectl.Core.Tests;

/// <summary>Specs the tests start from.</summary>
internal static class TestStacks
{
    public const string Account = "123456789012";

    public static StackSpec Demo() => StackSpec.FromStackName("demo", "us-east-1", Account);
}
