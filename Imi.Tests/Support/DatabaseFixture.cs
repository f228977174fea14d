namespace Imi.Tests.Support;

/// <summary>One database per test class, cloned from the template (schema, reference data, demo network).</summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    public string Name { get; private set; } = "";
    public string ConnectionString => TestDatabase.ConnectionStringFor(Name);

    public async Task InitializeAsync() => Name = await TestDatabase.CreateFromTemplateAsync();

    public Task DisposeAsync() => TestDatabase.DropAsync(Name);

    public TestServices Services(IDictionary<string, string?>? settings = null) =>
        TestServices.Build(ConnectionString, settings: settings);
}
