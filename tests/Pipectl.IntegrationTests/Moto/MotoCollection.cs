namespace Pipectl.IntegrationTests.Moto;

/// <summary>All integration tests share one emulator; each test uses its own resource names.</summary>
[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoServer>
{
    public const string Name = "moto";
}
