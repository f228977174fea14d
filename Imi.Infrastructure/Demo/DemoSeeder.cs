using System.Security.Cryptography;
using System.Text;
using Imi.Domain.Authorities;
using Imi.Domain.Users;
using Imi.Infrastructure.Data;
using Imi.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Imi.Infrastructure.Demo;

/// <summary>Loads the <see cref="DemoNetwork"/> into an empty database (Development and tests only).</summary>
public sealed class DemoSeeder(
    IDbContextFactory<ImiDbContext> contexts,
    AccountCredentials credentials,
    TimeProvider clock,
    ILogger<DemoSeeder> logger)
{
    /// <summary>A stable id per demo key, so the demo network is the same on every machine.</summary>
    public static Guid IdOf(string key) => new(MD5.HashData(Encoding.UTF8.GetBytes("imi-demo:" + key)));

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.Authorities.AnyAsync(cancellationToken))
            return;

        var now = clock.GetUtcNow();
        var authorities = new Dictionary<string, Authority>();
        foreach (var d in DemoNetwork.Authorities)
        {
            var coordinatorId = d.CoordinatedBy is null ? (Guid?)null : IdOf(d.CoordinatedBy);
            var authority = Authority.Register(d.Country, d.OfficialTitle, d.Language, d.InformalTitle, d.Level, d.Email,
                now.AddDays(-400), d.Coordinator, coordinatorId, IdOf(d.Key), d.Region);
            foreach (var area in d.Areas)
                authority.GrantAreaAccess(area);
            authority.Validate();
            authorities[d.Key] = authority;
            db.Authorities.Add(authority);
        }

        foreach (var d in DemoNetwork.Authorities)
        {
            var authority = authorities[d.Key];
            if (d.SetUp)
            {
                var actor = new Domain.Access.Actor(Guid.Empty, authority.Id, true, false, []);
                authority.UpdateGeneralInformation(actor, new GeneralInformation(
                        d.InformalTitle, d.Profile, d.Level, d.Language == "en" ? ["en"] : [d.Language, "en"],
                        new ContactDetails(null, null, d.City, null, null, d.Website), d.Email),
                    needsNewTranslation: false);
            }
            if (d.EnglishTitle is not null)
            {
                authority.SetTranslation("en", d.EnglishTitle, d.EnglishProfile, TranslationSource.Human);
                authority.MarkTranslated();
            }
            foreach (var (language, title, profile) in DemoNetwork.Translations.GetValueOrDefault(d.Key) ?? [])
                authority.SetTranslation(language, title, profile, TranslationSource.Human);
            if (d.CoordinatedBy is not null)
            {
                var coordinator = authorities[d.CoordinatedBy];
                foreach (var area in d.Areas.Where(coordinator.HasAccessTo))
                    authority.AddRequestCoordinator(area, coordinator);
            }
        }

        foreach (var u in DemoNetwork.Users)
        {
            var authority = authorities[u.Authority];
            var user = User.Register(authority.Id, u.Username, u.Email, u.Given, u.Family, u.Language,
                now.AddDays(-300), id: IdOf("user:" + u.Username));
            if (u.AllRights)
                user.GrantFirstUserRights(authority.Areas.Select(a => a.LegislativeAreaCode), authority.IsCoordinator);
            if (u.LocalDataAdministrator)
                user.GrantLocalDataAdministrator();
            if (u.Translator)
                user.GrantTranslator();
            foreach (var (area, role) in u.Roles ?? [])
                user.Grant(role, area);
            db.ImiUsers.Add(user);

            if (u.Username == DemoNetwork.NewFirstUsername)
                credentials.CreateWithTemporaryPassword(db, user);
            else
                credentials.CreateWithKnownCredentials(db, user, DemoNetwork.Password, DemoNetwork.SecurityCode);
        }

        // Authorities that are set up chose their keywords and went through the checklist.
        var lists = await db.KeywordLists.Include(l => l.Keywords).ToDictionaryAsync(l => l.Code, cancellationToken);
        foreach (var d in DemoNetwork.Authorities.Where(d => d.SetUp))
        {
            var authority = authorities[d.Key];
            var actor = new Domain.Access.Actor(Guid.Empty, authority.Id, true, false, []);
            foreach (var group in (DemoNetwork.Keywords.GetValueOrDefault(d.Key) ?? []).GroupBy(k => k.List))
                if (lists.TryGetValue(group.Key, out var list) && (list.LegislativeAreaCode is null || authority.HasAccessTo(list.LegislativeAreaCode)))
                    authority.SetKeywords(actor, list, group.Select(k => k.Code).Where(c => list.Keywords.Any(k => k.Code == c)));
            foreach (var step in Domain.Setup.SetupSteps.For(authority.IsCoordinator))
                authority.CompleteSetupStep(actor, step.Number, now.AddDays(-290));
        }

        await SeedExchangesAsync(db, authorities, now, cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo network loaded: {Authorities} authorities, {Users} users",
            authorities.Count, DemoNetwork.Users.Count);
    }

    /// <summary>
    /// Two exchanges between Portugal and Ireland, so the action lists and overviews are not empty:
    /// one waiting for King's Inns to accept it, one closed and rated; and a year of Services requests from Lyon to Munich for
    /// the figures. (The other French and German demo users start with empty lists: the tour in README.md has them send the
    /// first request.)
    /// </summary>
    private static async Task SeedExchangesAsync(ImiDbContext db, Dictionary<string, Authority> authorities, DateTimeOffset now, CancellationToken ct)
    {
        var set = await db.QuestionSets.AsNoTracking().Where(q => q.LegislativeAreaCode == "PQ").OrderByDescending(q => q.Version).FirstOrDefaultAsync(ct);
        if (set is null)
            return;
        var users = db.ImiUsers.Local.ToDictionary(u => u.Username);
        var portugal = Domain.Access.Actor.Of(users["demo.pt.handler"]);
        var ireland = Domain.Access.Actor.Of(users["demo.ie.handler"]);
        var kingsInns = authorities["ie-kings-inns"].Id;
        var engineers = authorities["pt-engineers"].Id;
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        var waiting = Domain.Requests.InformationRequest.CreateDraft(portugal, set, new Domain.Requests.DraftContent(kingsInns,
            ["PQ.DIPLOMA_AUTHENTIC", "PQ.ENTITLED_TO_PRACTISE"], ["O profissional exerceu como barrister na Irlanda entre 2015 e 2020?"],
            new Domain.Requests.SubjectData("Miguel Antunes", new DateOnly(1986, 2, 14), "PT", null, null, null),
            "Pedido de reconhecimento em curso na Ordem.", today.AddDays(12)), now.AddDays(-3));
        waiting.Send(portugal, Domain.Requests.RequesterOversight.None, Domain.Requests.ResponderSettings.None, now.AddDays(-3));
        db.Requests.Add(waiting);

        var closed = Domain.Requests.InformationRequest.CreateDraft(ireland, set, new Domain.Requests.DraftContent(engineers,
            ["PQ.REGISTRATION_STATUS"], [], new Domain.Requests.SubjectData("Sarah Quinn", null, "IE", null, null, null), null, today.AddDays(-20)),
            now.AddDays(-40));
        closed.Send(ireland, Domain.Requests.RequesterOversight.None, Domain.Requests.ResponderSettings.None, now.AddDays(-40));
        closed.Accept(portugal, null, null, now.AddDays(-39));
        closed.AnswerQuestion(portugal, set, 0, "REGISTERED", "Inscrita desde 2012.", now.AddDays(-33));
        closed.SendReply(portugal, inPart: false, now.AddDays(-33));
        closed.AcceptReply(ireland, now.AddDays(-32));
        closed.Rate(ireland, 5, 5, "Quick and complete.", now.AddDays(-32));
        db.Requests.Add(closed);

        await SeedServicesHistoryAsync(db, authorities, users, now, ct);
    }

    /// <summary>
    /// A year of Services requests from the CCI Lyon to the IHK Munich, so the coordinators' figures have something to show: the
    /// IHK often accepts late (every third request after ten days: its acceptance share is red), several replies come after the
    /// answer date, some ratings are negative; the latest are still open (one not accepted for ten days, one past its answer date,
    /// one just received). Dates are relative to the seeding day.
    /// </summary>
    private static async Task SeedServicesHistoryAsync(ImiDbContext db, Dictionary<string, Authority> authorities,
        Dictionary<string, Domain.Users.User> users, DateTimeOffset now, CancellationToken ct)
    {
        var set = await db.QuestionSets.AsNoTracking().Where(q => q.LegislativeAreaCode == "SERVICES").OrderByDescending(q => q.Version).FirstOrDefaultAsync(ct);
        if (set is null || !authorities.TryGetValue("de-ihk-munich", out var ihk) || !users.TryGetValue("demo.fr.lyon", out var lyonUser)
            || !users.TryGetValue("demo.de.ihk", out var ihkUser))
            return;
        var lyon = Domain.Access.Actor.Of(lyonUser);
        var munich = Domain.Access.Actor.Of(ihkUser);
        Domain.Requests.InformationRequest Draft(DateTimeOffset at, int i) => Domain.Requests.InformationRequest.CreateDraft(lyon, set,
            new Domain.Requests.DraftContent(ihk.Id, ["SERVICES.LEGALLY_ESTABLISHED", "SERVICES.ACTUAL_ACTIVITY"], [],
                new Domain.Requests.SubjectData($"Prestataire {i + 1} SARL", null, "FR", null, null, null), null,
                DateOnly.FromDateTime(at.UtcDateTime).AddDays(21)), at);

        for (var i = 0; i < 24; i++)
        {
            var sent = now.AddDays(-350 + i * 14);
            var r = Draft(sent, i);
            r.Send(lyon, Domain.Requests.RequesterOversight.None, Domain.Requests.ResponderSettings.None, sent);
            var accepted = sent.AddDays(i % 3 == 0 ? 10 : 2);
            r.Accept(munich, null, null, accepted);
            var replied = accepted.AddDays(8 + i % 4 * 5);
            r.AnswerQuestion(munich, set, 0, "YES", null, replied);
            r.AnswerQuestion(munich, set, 1, "YES", null, replied);
            r.SendReply(munich, inPart: false, replied);
            r.AcceptReply(lyon, replied.AddDays(1));
            if (i % 2 == 0)
                r.Rate(lyon, i % 4 == 0 ? 2 : 4, 4, null, replied.AddDays(1));
            db.Requests.Add(r);
        }

        var notAccepted = Draft(now.AddDays(-10), 24);
        notAccepted.Send(lyon, Domain.Requests.RequesterOversight.None, Domain.Requests.ResponderSettings.None, now.AddDays(-10));
        db.Requests.Add(notAccepted);
        var overdue = Draft(now.AddDays(-30), 25);
        overdue.Send(lyon, Domain.Requests.RequesterOversight.None, Domain.Requests.ResponderSettings.None, now.AddDays(-30));
        overdue.Accept(munich, null, null, now.AddDays(-28));
        db.Requests.Add(overdue);
        var fresh = Draft(now.AddDays(-1), 26);
        fresh.Send(lyon, Domain.Requests.RequesterOversight.None, Domain.Requests.ResponderSettings.None, now.AddDays(-1));
        db.Requests.Add(fresh);
    }
}
