using Imi.Portal;

var builder = WebApplication.CreateBuilder(args);
builder.AddImiPortal();

var app = builder.Build();
if (!await app.InitializeDatabaseAsync())
{
    await app.DisposeAsync(); // flushes the log, so the reason is printed before the process ends
    return 1;
}
if (args.FirstOrDefault() == AdministrationCommands.CreateCommissionUser)
    return await AdministrationCommands.CreateCommissionUserAsync(app, args);
app.UseImiPortal();
await app.RunAsync();
return 0;

/// <summary>The portal's entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
