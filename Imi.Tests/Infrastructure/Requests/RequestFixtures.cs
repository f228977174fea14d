using Imi.Domain.Access;
using Imi.Domain.Authorities;
using Imi.Domain.Requests;
using Imi.Domain.Users;
using Imi.Infrastructure.Requests;
using Imi.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Imi.Tests.Infrastructure.Requests;

/// <summary>Demo-network people and a French request to the Bavarian chamber of architects, through the real services.</summary>
internal static class RequestFixtures
{
    public const string FrenchHandler = "demo.fr.handler", GermanHandler = "demo.de.handler", GermanHandler2 = "demo.de.handler2",
        GermanAllocator = "demo.de.allocator", GermanChamberAdmin = "demo.de.architects", BavarianCoordinator = "demo.de.bavaria",
        FrenchCoordinator = "demo.fr.coordinator", PortugueseHandler = "demo.pt.handler";
    public const string FrenchArchitectsMail = "imi@architectes.demo.fr", BavarianArchitectsMail = "imi@byak.demo.de";
    public const string SubjectName = "Jeanne Martin-Duplessis";
    public const string SecretComment = "Dossier confidentiel 4711";

    public static async Task<Guid> UserAsync(TestServices services, string username)
    {
        await using var db = await services.DbAsync();
        return await db.ImiUsers.Where(u => u.Username == username).Select(u => u.Id).SingleAsync();
    }

    public static async Task<Guid> AuthorityAsync(TestServices services, string email)
    {
        await using var db = await services.DbAsync();
        return await db.Authorities.Where(a => a.Email == email).Select(a => a.Id).SingleAsync();
    }

    public static async Task<int> RevisionAsync(TestServices services, Guid requestId)
    {
        await using var db = await services.DbAsync();
        return await db.Requests.Where(r => r.Id == requestId).Select(r => r.Revision).SingleAsync();
    }

    /// <summary>Creates a draft as the user (the command as the request form sends it).</summary>
    public static async Task<Guid> DraftAsync(TestServices services, Guid userId, string areaCode, DraftContent content) =>
        (await services.Get<RequestService>().ExecuteAsync(userId, new CreateDraft(areaCode, content))).RequestId;

    public static async Task<Guid> SentRequestAsync(TestServices services, byte[]? attachment = null)
    {
        var french = await UserAsync(services, FrenchHandler);
        var id = await DraftAsync(services, french, "PQ", new DraftContent(
            await AuthorityAsync(services, BavarianArchitectsMail), ["PQ.DIPLOMA_AUTHENTIC", "PQ.REGISTRATION_STATUS"], ["Combien d'heures de formation pratique ?"],
            new SubjectData(SubjectName, new DateOnly(1984, 3, 12), "FR", "Passeport 12AB34567", null, null), SecretComment,
            DateOnly.FromDateTime(services.Clock.GetUtcNow().UtcDateTime).AddDays(21)));
        if (attachment is not null)
            await ActAsync(services, FrenchHandler, id, (request, revision) => new AttachFile(request, revision, AttachmentSide.Request,
                "diplome.pdf", attachment.Length, () => new MemoryStream(attachment)));
        await ActAsync(services, FrenchHandler, id, (request, revision) => new SendRequest(request, revision));
        return id;
    }

    /// <summary>Runs a step as the user, at the request's current revision.</summary>
    public static async Task<RequestResult> ActAsync(TestServices services, string username, Guid requestId, Func<Guid, int, ExchangeCommand> step) =>
        await services.Get<RequestService>().ExecuteAsync(await UserAsync(services, username), step(requestId, await RevisionAsync(services, requestId)));

    /// <summary>Accepts, answers every question and sends the reply as the German handler.</summary>
    public static async Task RepliedAsync(TestServices services, Guid id)
    {
        await ActAsync(services, GermanHandler, id, (request, revision) => new AcceptRequest(request, revision, null, null));
        await ActAsync(services, GermanHandler, id, (request, revision) => new AnswerQuestion(request, revision, 0, "YES", null));
        await ActAsync(services, GermanHandler, id, (request, revision) => new AnswerQuestion(request, revision, 1, "REGISTERED", "Seit 2010 eingetragen."));
        await ActAsync(services, GermanHandler, id, (request, revision) => new AnswerQuestion(request, revision, 2, null, "Zwei Jahre Praxis."));
        await ActAsync(services, GermanHandler, id, (request, revision) => new SendReply(request, revision, InPart: false));
    }

    /// <summary>Registers a user of the authority with the given roles (for the who-sees-what matrix).</summary>
    public static async Task<Guid> RegisterUserAsync(TestServices services, string authorityEmail, string username, params AreaRole[] pqRoles)
    {
        await using var db = await services.DbAsync();
        var authority = await db.Authorities.SingleAsync(a => a.Email == authorityEmail);
        var user = User.Register(authority.Id, username, $"{username}@test.demo.eu", "Test", username, "en", services.Clock.GetUtcNow());
        foreach (var role in pqRoles)
            user.Grant(role, "PQ");
        db.ImiUsers.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }

    public static async Task LinkAsync(TestServices services, string authorityEmail, string linkedEmail)
    {
        await using var db = await services.DbAsync();
        var authority = await db.Authorities.SingleAsync(a => a.Email == authorityEmail);
        var linked = await db.Authorities.SingleAsync(a => a.Email == linkedEmail);
        authority.Link(new Actor(Guid.Empty, authority.Id, true, false, []), linked);
        await db.SaveChangesAsync();
    }
}
