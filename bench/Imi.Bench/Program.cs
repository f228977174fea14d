using Imi.Bench;
using Imi.Infrastructure;
using Imi.Infrastructure.Data;
using Imi.Infrastructure.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

// Usage: Imi.Bench <server connection string> [--scale N[,N...]] [--queries N] [--concurrency N] [--requests N] [--no-search] [--no-figures] [--board]
//        Imi.Bench --texts   (the text catalogue's cost per text; no database)
//        Imi.Bench --circuits http://127.0.0.1:5080/ <portal process id> <dotnet-gcdump> [--steps 50,100,200] [--clicking 30] [--board-every 4] [--reports <dir>]
//        Imi.Bench --board-page http://127.0.0.1:5080/ "<connection string of that portal's database>" [--rounds 20] [--other <second instance>]
//                            (the allocation board with 500 requests and 43 handlers, in Chromium, against a running demo portal)
//        Imi.Bench --pages http://127.0.0.1:5080/ [--user demo.ie.kingsinns] [--locale de-DE] [--rounds 15]
//                            (time until a page's data shows, in Chromium, against a running portal with demo data)
// Creates (once) a database per scale, fills it, and benchmarks the authority search on it.
if (args.Contains("--texts"))
{
    TextsBenchmark.Run();
    return;
}
if (args.Length >= 2 && args[0] == "--pages")
{
    string Named(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).DefaultIfEmpty(fallback).First();
    await PageBenchmark.RunAsync(new Uri(args[1]), Named("--user", "demo.ie.kingsinns"), Imi.Infrastructure.Demo.DemoNetwork.Password,
        Imi.Infrastructure.Demo.DemoNetwork.SecurityCode, Named("--locale", "en-IE"), int.Parse(Named("--rounds", "15")));
    return;
}
if (args.Length >= 4 && args[0] == "--circuits")
{
    // Imi.Bench --circuits http://127.0.0.1:5090/ <the portal's process id> <path of dotnet-gcdump> [--steps 50,100,200] [--clicking 30] [--board-every 4]
    // Many users with a page open, over SignalR without browsers (see CircuitBenchmark); run --board-page first (its board).
    var steps = args.SkipWhile(a => a != "--steps").Skip(1).Select(s => s.Split(',').Select(int.Parse).ToArray()).DefaultIfEmpty([50, 100, 200]).First();
    var clicking = args.SkipWhile(a => a != "--clicking").Skip(1).Select(int.Parse).DefaultIfEmpty(30).First();
    var boardShare = args.SkipWhile(a => a != "--board-every").Skip(1).Select(int.Parse).DefaultIfEmpty(4).First();
    var reports = args.SkipWhile(a => a != "--reports").Skip(1).FirstOrDefault();
    await CircuitBenchmark.RunAsync(new Uri(args[1]), int.Parse(args[2]), args[3], steps, TimeSpan.FromSeconds(clicking), boardShare, reports);
    return;
}
if (args.Length >= 3 && args[0] == "--board-page")
{
    // Imi.Bench --board-page http://127.0.0.1:5080/ "<the running portal's connection string>" [--rounds 20] [--other http://127.0.0.1:5091/]
    // Fills the Bavarian chamber's PQ board of the demo (allocation on, 40 more handlers, 500 new requests), then times
    // the board in Chromium as Sabine Koch (demo.de.allocator).
    var boardServices = new ServiceCollection()
        .AddLogging(b => b.AddConsole().SetMinimumLevel(LogLevel.Warning))
        .AddImiInfrastructure(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Imi"] = args[2], ["Security:SecurityCodeKey"] = Convert.ToBase64String(new byte[32]), ["Mail:SendOutbox"] = "false",
        }).Build())
        .AddSingleton(NpgsqlDataSource.Create(args[2]))
        .AddSingleton<AllocationBenchmark>()
        .BuildServiceProvider();
    var chamber = Imi.Infrastructure.Demo.DemoSeeder.IdOf("de-architects-by");
    var (_, boardHandlers, _) = await boardServices.GetRequiredService<AllocationBenchmark>().EnsureBoardAsync(chamber);
    // The new requests' facts rows, as the portal's start-up backfill makes them (a move saves them).
    await Imi.Infrastructure.Performance.ExchangeFacts.BackfillAsync(boardServices.GetRequiredService<IDbContextFactory<ImiDbContext>>(),
        boardServices.GetRequiredService<ILoggerFactory>().CreateLogger("backfill"));
    await using (var boardDb = await boardServices.GetRequiredService<IDbContextFactory<ImiDbContext>>().CreateDbContextAsync())
        await boardDb.Database.ExecuteSqlRawAsync("UPDATE authority_areas SET allocation_enabled = true WHERE legislative_area_code = 'PQ' AND authority_id = {0}", chamber);
    int Rounds() => args.SkipWhile(a => a != "--rounds").Skip(1).Select(int.Parse).DefaultIfEmpty(20).First();
    await PageBenchmark.BoardAsync(new Uri(args[1]), "demo.de.allocator", Imi.Infrastructure.Demo.DemoNetwork.Password,
        Imi.Infrastructure.Demo.DemoNetwork.SecurityCode, boardHandlers[0], "Handler 00", Rounds(),
        args.SkipWhile(a => a != "--other").Skip(1).Select(u => new Uri(u)).FirstOrDefault());
    return;
}
var server = args.Length > 0 ? args[0] : "Host=127.0.0.1;Port=55434;Username=postgres";
int Option(string name, int fallback) => args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).DefaultIfEmpty(fallback).First();
var scales = args.SkipWhile(a => a != "--scale").Skip(1).Select(s => s.Split(',').Select(int.Parse).ToArray()).DefaultIfEmpty([15_000]).First();
var queries = Option("--queries", 2000);
var concurrency = Option("--concurrency", 4);
var exchanges = Option("--requests", 0);
var search = !args.Contains("--no-search");

Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
foreach (var scale in scales)
{
    var database = $"imi_bench_{scale}";
    var connection = new NpgsqlConnectionStringBuilder(server) { Database = database, MaxPoolSize = 50, CommandTimeout = 0 }.ConnectionString;
    await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ConnectionString))
    {
        await admin.OpenAsync();
        await using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{database}'", admin);
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
        }
    }

    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Imi"] = connection,
        ["Security:SecurityCodeKey"] = Convert.ToBase64String(new byte[32]),
        ["Mail:SendOutbox"] = "false",
        ["Database:BackfillFactsOnStart"] = "false", // the generated exchanges get their facts from PerformanceBenchmark
    }).Build();
    var services = new ServiceCollection()
        .AddLogging(b => b.AddConsole().SetMinimumLevel(LogLevel.Warning))
        .AddImiInfrastructure(configuration)
        .AddSingleton(NpgsqlDataSource.Create(connection))
        .AddSingleton<NetworkGenerator>()
        .AddSingleton<SearchBenchmark>()
        .AddSingleton<RequestBenchmark>()
        .AddSingleton<PerformanceBenchmark>()
        .AddSingleton<AllocationBenchmark>()
        .BuildServiceProvider();

    await using (var scope = services.CreateAsyncScope())
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    await using (var db = await services.GetRequiredService<IDbContextFactory<ImiDbContext>>().CreateDbContextAsync())
    {
        if (!await db.Authorities.AnyAsync())
            await services.GetRequiredService<NetworkGenerator>().GenerateAsync(scale);
        Console.WriteLine($"Scale {scale:N0}: {await db.Authorities.CountAsync():N0} authorities, {await db.ImiUsers.CountAsync():N0} users, " +
                          $"{await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM authority_search").SingleAsync():N0} indexed texts");
    }
    if (search)
    {
        var benchmark = services.GetRequiredService<SearchBenchmark>();
        Console.WriteLine("  one at a time:  " + await benchmark.RunAsync(queries / 2, 1));
        Console.WriteLine($"  {concurrency} at a time:    " + await benchmark.RunAsync(queries, concurrency, seed: 11));
    }
    if (exchanges > 0)
    {
        var requests = services.GetRequiredService<RequestBenchmark>();
        await requests.EnsureExchangesAsync(exchanges);
        Console.WriteLine("  action list, one at a time:  " + (await requests.ActionListAsync(queries / 2, 1)));
        Console.WriteLine($"  action list, {concurrency} at a time:    " + (await requests.ActionListAsync(queries, concurrency, seed: 6)));
        Console.WriteLine("  send, one at a time:         " + (await requests.SendAsync(queries / 4, 1)));
        Console.WriteLine($"  send, {concurrency} at a time:           " + (await requests.SendAsync(queries / 2, concurrency, seed: 10)));
    }
    if (exchanges > 0 && args.Contains("--board"))
    {
        var board = services.GetRequiredService<AllocationBenchmark>();
        var (allocator, handlers, open) = await board.EnsureBoardAsync();
        await services.GetRequiredService<PerformanceBenchmark>().EnsureFactsAsync(); // the new requests' facts rows, as the start-up backfill makes them
        Console.WriteLine("  allocation board data, one at a time: " + await board.BoardAsync(allocator, 50));
        Console.WriteLine("  move on the board, one at a time:     " + await board.MovesAsync(allocator, handlers, open, 200, 1));
        Console.WriteLine($"  move on the board, {concurrency} at a time:       " + await board.MovesAsync(allocator, handlers, open.Skip(200).ToList(), 200, concurrency));
        Console.WriteLine("  suggest for every card, one at a time: " + await board.SuggestAsync(allocator, open, 20));
        Console.WriteLine("  a move reaching another instance's board: " + await board.CrossInstanceAsync(allocator, handlers, open, 200, connection));
    }
    if (exchanges > 0 && !args.Contains("--no-figures"))
    {
        var figures = services.GetRequiredService<PerformanceBenchmark>();
        await figures.EnsureFactsAsync();
        Console.WriteLine("  EEA dashboard, one at a time:      " + await figures.NetworkDashboardAsync(queries / 4, 1));
        Console.WriteLine($"  EEA dashboard, {concurrency} at a time:        " + await figures.NetworkDashboardAsync(queries / 4, concurrency));
        Console.WriteLine("  NIMIC dashboard, one at a time:    " + await figures.CountryDashboardAsync(queries / 4, 1));
        Console.WriteLine("  NIMIC urgency list, one at a time: " + await figures.UrgencyListAsync("Nimic", queries / 2, 1));
        Console.WriteLine($"  NIMIC urgency list, {concurrency} at a time:   " + await figures.UrgencyListAsync("Nimic", queries, concurrency, seed: 8));
        Console.WriteLine("  DIMIC urgency list, one at a time: " + await figures.UrgencyListAsync("Dimic", queries / 2, 1));
    }
}
