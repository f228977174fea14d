using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Imi.Infrastructure.Data;

/// <summary>For `dotnet ef migrations add`: builds the model without starting the portal.</summary>
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<ImiDbContext>
{
    public ImiDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<ImiDbContext>()
        .UseNpgsql("Host=127.0.0.1;Database=imi_design", npgsql => npgsql
                // An authority owns several collections (translations, areas, keywords, steps...):
                // one query each, not one join multiplying them all.
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)
                .MigrationsHistoryTable("ef_migrations_history"))
        .UseSnakeCaseNamingConvention()
        .Options);
}
