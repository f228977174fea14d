using Imi.Domain.Authorities;
using Imi.Domain.Common;
using Imi.Infrastructure.Auditing;
using Imi.Infrastructure.Coordination;
using Imi.Infrastructure.Search;
using Imi.Infrastructure.UseCases;
using Imi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Imi.Tests.Infrastructure;

/// <summary>Deactivating and reactivating an authority (decision 010), on real PostgreSQL with the demo network.</summary>
public class CoordinationServiceTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static async Task<Guid> UserIdAsync(TestServices services, string username)
    {
        await using var db = await services.DbAsync();
        return await db.ImiUsers.Where(u => u.Username == username).Select(u => u.Id).SingleAsync();
    }

    private static async Task<Guid> AuthorityOfAsync(TestServices services, string username)
    {
        await using var db = await services.DbAsync();
        return await db.ImiUsers.Where(u => u.Username == username).Select(u => u.AuthorityId).SingleAsync();
    }

    [Fact]
    public async Task TheNimicAboveItsCoordinator_DeactivatesTheChamber_ItsSessionsEnd_SearchNoLongerFindsIt_ThenReactivates()
    {
        await using var services = database.Services();
        var coordination = services.Get<CoordinationService>();
        var chamber = await AuthorityOfAsync(services, "demo.de.architects"); // coordinated by the Bavarian SDIMIC
        string stampBefore;
        await using (var db = await services.DbAsync())
            stampBefore = (await db.Accounts.SingleAsync(a => a.Id == db.ImiUsers.Single(u => u.Username == "demo.de.handler").Id)).SecurityStamp!;
        var search = services.Get<AuthoritySearch>();
        Assert.Contains((await search.SearchAsync(new SearchQuery("Architektenkammer", "de"))).Hits, h => h.AuthorityId == chamber);

        var dimicBeside = await UserIdAsync(services, "demo.de.zab"); // the DIMIC beside the SDIMIC
        var refused = await Assert.ThrowsAsync<NotPermittedException>(() => coordination.ExecuteAsync(dimicBeside, new DeactivateAuthority(chamber)));
        Assert.Equal(Refusals.Coordination.NotItsCoordinator, refused.Code);

        var nimic = await UserIdAsync(services, "demo.de.dataadmin");
        var notice = await coordination.ExecuteAsync(nimic, new DeactivateAuthority(chamber));

        Assert.Equal(Notices.Coordination.AuthorityDeactivated, notice.Code);
        await using (var db = await services.DbAsync())
        {
            Assert.Equal(RegistrationStatus.Deactivated, (await db.Authorities.SingleAsync(a => a.Id == chamber)).Status);
            var handler = await db.ImiUsers.SingleAsync(u => u.Username == "demo.de.handler");
            Assert.NotEqual(stampBefore, (await db.Accounts.SingleAsync(a => a.Id == handler.Id)).SecurityStamp); // its open sessions end
            var audit = await db.AuditEntries.SingleAsync(e => e.AuthorityId == chamber && e.Kind == AuditKind.AuthorityDeactivated);
            Assert.Equal(nimic, audit.UserId);
        }
        Assert.DoesNotContain((await search.SearchAsync(new SearchQuery("Architektenkammer", "de"))).Hits, h => h.AuthorityId == chamber);
        var again = await Assert.ThrowsAsync<DomainException>(() => coordination.ExecuteAsync(nimic, new DeactivateAuthority(chamber)));
        Assert.Equal(Refusals.Coordination.NotActive, again.Code);

        await coordination.ExecuteAsync(await UserIdAsync(services, "demo.de.bavaria"), new ReactivateAuthority(chamber)); // its own coordinator
        Assert.Contains((await search.SearchAsync(new SearchQuery("Architektenkammer", "de"))).Hits, h => h.AuthorityId == chamber);
    }

    /// <summary>The page lists what the coordinator may administer: its own authorities and those of the coordinators below it.</summary>
    [Fact]
    public async Task TheNimicsList_HasTheAuthoritiesOfTheCoordinatorsBelowIt_TheSdimicsOnlyItsOwn()
    {
        await using var services = database.Services();
        var queries = services.Get<Imi.Infrastructure.Setup.CoordinationQueries>();
        var chamber = await AuthorityOfAsync(services, "demo.de.architects"); // coordinated by the Bavarian SDIMIC
        var berlin = await AuthorityOfAsync(services, "demo.de.lageso"); // coordinated by the DIMIC for PQ
        var bavaria = await AuthorityOfAsync(services, "demo.de.bavaria");

        var nimicList = (await queries.GetAsync(await UserIdAsync(services, "demo.de.dataadmin"))).Select(a => a.Id).ToList();
        var sdimicList = (await queries.GetAsync(await UserIdAsync(services, "demo.de.bavaria"))).Select(a => a.Id).ToList();

        Assert.Superset(new HashSet<Guid> { chamber, berlin, bavaria }, nimicList.ToHashSet());
        Assert.Contains(chamber, sdimicList);
        Assert.DoesNotContain(berlin, sdimicList);
    }

    [Fact]
    public async Task ACoordinator_StaysActive()
    {
        await using var services = database.Services();
        var nimic = await UserIdAsync(services, "demo.de.dataadmin");
        var bavarianSdimic = await AuthorityOfAsync(services, "demo.de.bavaria");
        var refused = await Assert.ThrowsAsync<DomainException>(() => services.Get<CoordinationService>().ExecuteAsync(nimic, new DeactivateAuthority(bavarianSdimic)));
        Assert.Equal(Refusals.Coordination.CoordinatorStaysActive, refused.Code);
    }

    /// <summary>
    /// The DIMIC for PQ registers a Berlin authority: active at once and found by search, coordinated by the DIMIC, its first
    /// user's temporary password e-mailed in their language, the username given back to the administrator only, an audit entry.
    /// </summary>
    [Fact]
    public async Task TheDimic_RegistersAnAuthorityWithItsFirstUser_InOneTransaction()
    {
        await using var services = database.Services();
        var zab = await UserIdAsync(services, "demo.de.zab");
        var zabAuthority = await AuthorityOfAsync(services, "demo.de.zab");
        var input = new NewAuthority("Zahnärztekammer Berlin", "Kammer der Zahnärzte in Berlin", "de", AuthorityLevel.Regional,
            "imi@zaek-berlin.demo.de", CoordinatorType.None, null, [new AreaCoordinator("PQ", zabAuthority)],
            new Imi.Domain.Users.NewUser("Ute", "Lange", "ute.lange@zaek-berlin.demo.de", null, "de"));

        var registered = await services.Get<CoordinationService>().RegisterAsync(zab, input);

        Assert.Equal(Notices.Coordination.AuthorityRegistered, registered.Notice.Code);
        Assert.Matches("^DE-UL-[0-9]+$", registered.FirstUsername);
        await using (var db = await services.DbAsync())
        {
            var authority = await db.Authorities.SingleAsync(a => a.Id == registered.AuthorityId);
            Assert.Equal((RegistrationStatus.Validated, zabAuthority, "DE"), (authority.Status, authority.CoordinatorId, authority.CountryCode));
            var user = await db.ImiUsers.SingleAsync(u => u.AuthorityId == authority.Id);
            Assert.Equal(registered.FirstUsername, user.Username);
            Assert.True((await db.Accounts.SingleAsync(a => a.Id == user.Id)).MustChangeCredentials);
            var mail = await db.Outbox.SingleAsync(m => m.ToAddress == "ute.lange@zaek-berlin.demo.de");
            Assert.Equal(Imi.Infrastructure.Identity.MailKinds.TemporaryPassword, mail.Kind);
            Assert.DoesNotContain(registered.FirstUsername, mail.TextBody); // the username is told in person, never e-mailed
            Assert.Equal(Imi.Tests.EndToEnd.UserTexts.In("de")["Mail.TemporaryPassword.Subject"], mail.Subject);
            Assert.Equal(zab, (await db.AuditEntries.SingleAsync(e => e.AuthorityId == authority.Id && e.Kind == AuditKind.AuthorityRegistered)).UserId);
        }
        var hits = (await services.Get<AuthoritySearch>().SearchAsync(new SearchQuery("Zahnärztekammer", "de"))).Hits;
        Assert.Contains(hits, h => h.AuthorityId == registered.AuthorityId);

        // The same title again (in other capitals), and a known e-mail: refused on their fields, nothing saved.
        var again = await Assert.ThrowsAsync<DomainException>(() => services.Get<CoordinationService>().RegisterAsync(zab,
            input with { OfficialTitle = "ZAHNÄRZTEKAMMER BERLIN" }));
        Assert.Equal((Refusals.Coordination.OfficialTitleTaken, "OfficialTitle"), (again.Code, again.Field));
        var knownEmail = await Assert.ThrowsAsync<DomainException>(() => services.Get<CoordinationService>().RegisterAsync(zab,
            input with { OfficialTitle = "Zahnärztekammer Brandenburg" }));
        Assert.Equal((Refusals.Users.EmailTaken, "FirstUser.Email"), (knownEmail.Code, knownEmail.Field));
        await using (var db = await services.DbAsync())
            Assert.False(await db.Authorities.AnyAsync(a => a.OfficialTitle == "Zahnärztekammer Brandenburg"));
    }

    /// <summary>
    /// The Bavarian SDIMIC gives the chamber services, the chamber makes a handler of it, the SDIMIC withdraws it again: the
    /// handler's role goes with it and their sessions end; each step on the audit trail the coordinator reads.
    /// </summary>
    [Fact]
    public async Task AnAreaGiven_AndWithdrawn_TakesTheUsersRolesInItAlong_OnTheAuditTrail()
    {
        await using var services = database.Services();
        var coordination = services.Get<CoordinationService>();
        var bavaria = await UserIdAsync(services, "demo.de.bavaria");
        var bavarianSdimic = await AuthorityOfAsync(services, "demo.de.bavaria");
        var chamber = await AuthorityOfAsync(services, "demo.de.architects");

        var granted = await coordination.ExecuteAsync(bavaria, new GrantArea(chamber, "SERVICES", bavarianSdimic));
        Assert.Equal(Notices.Coordination.AreaGranted, granted.Code);
        Imi.Domain.Users.User handler;
        await using (var db = await services.DbAsync())
            handler = await db.ImiUsers.AsNoTracking().SingleAsync(u => u.Username == "demo.de.handler");
        var chamberAdmin = await UserIdAsync(services, "demo.de.architects");
        await services.InScopeAsync(sp => sp.GetRequiredService<Imi.Infrastructure.Setup.SetupService>().ExecuteAsync(
            chamberAdmin, new Imi.Infrastructure.Setup.SetUserRoles(handler.Id, handler.Revision, false,
                [new("PQ", Imi.Domain.Users.AreaRole.RequestHandler), new("SERVICES", Imi.Domain.Users.AreaRole.RequestHandler)])));
        string stamp;
        await using (var db = await services.DbAsync())
            stamp = (await db.Accounts.SingleAsync(a => a.Id == handler.Id)).SecurityStamp!;

        var withdrawn = await coordination.ExecuteAsync(bavaria, new WithdrawArea(chamber, "SERVICES"));

        Assert.Equal(Notices.Coordination.AreaWithdrawn, withdrawn.Code);
        await using (var db = await services.DbAsync())
        {
            var after = await db.ImiUsers.SingleAsync(u => u.Id == handler.Id);
            Assert.Equal([new("PQ", Imi.Domain.Users.AreaRole.RequestHandler)], after.AreaRoles);
            Assert.NotEqual(stamp, (await db.Accounts.SingleAsync(a => a.Id == handler.Id)).SecurityStamp);
            Assert.False((await db.Authorities.SingleAsync(a => a.Id == chamber)).HasAccessTo("SERVICES"));
        }
        var trail = (await services.Get<Imi.Infrastructure.Setup.CoordinationQueries>().AuthorityAsync(bavaria, chamber)).Audit;
        Assert.Equal([AuditKind.AreaWithdrawn, AuditKind.AreaGranted], trail.Take(2).Select(l => l.Kind));
        Assert.Equal(("Markus Huber", "SERVICES"), (trail[0].UserName, trail[0].Detail));
    }

    /// <summary>King's Inns still has the Portuguese request open in PQ: withdrawing PQ is refused, naming it.</summary>
    [Fact]
    public async Task WithdrawingAnArea_WithOpenExchanges_IsRefused_NamingThem()
    {
        await using var services = database.Services();
        var kingsInns = await AuthorityOfAsync(services, "demo.ie.kingsinns");
        var irishNimic = await UserIdAsync(services, "demo.ie.coordinator");
        string open;
        await using (var db = await services.DbAsync())
            open = (await db.Requests.Where(r => r.RespondingAuthorityId == kingsInns && r.Status == Imi.Domain.Requests.RequestStatus.Sent).SingleAsync()).Reference;

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            services.Get<CoordinationService>().ExecuteAsync(irishNimic, new WithdrawArea(kingsInns, "PQ")));

        Assert.Equal(Refusals.Coordination.OpenExchangesInArea, refused.Code);
        Assert.Contains(("exchanges", (object?)open), refused.Args);
    }

    /// <summary>A page that read revision N and saves after someone else's change is told so, and nothing of its change is saved.</summary>
    [Fact]
    public async Task AChange_MadeOnAnOlderRevision_IsRefusedAsChangedBySomeoneElse()
    {
        await using var services = database.Services();
        var coordination = services.Get<CoordinationService>();
        var nimic = await UserIdAsync(services, "demo.ie.coordinator");
        var nursing = await AuthorityOfAsync(services, "demo.ie.nursing");
        var shown = (await services.Get<Imi.Infrastructure.Setup.CoordinationQueries>().AuthorityAsync(nimic, nursing)).Revision;
        await coordination.ExecuteAsync(nimic, new EditOfficialTitle(nursing, "Nursing and Midwifery Board of Ireland (NMBI)") { ExpectedRevision = shown });

        var stale = await Assert.ThrowsAsync<ChangedBySomeoneElseException>(() =>
            coordination.ExecuteAsync(nimic, new EditOfficialTitle(nursing, "NMBI") { ExpectedRevision = shown }));

        Assert.Equal(Refusals.Concurrency.AuthorityChanged, stale.Code);
        await using var db = await services.DbAsync();
        Assert.Equal("Nursing and Midwifery Board of Ireland (NMBI)", (await db.Authorities.SingleAsync(a => a.Id == nursing)).OfficialTitle);
    }

    private static NewApplication Application(string title, string applicantEmail) => new("DE", title, "Kammer der Zahnärzte in Bayern", "de",
        AuthorityLevel.Regional, "imi@" + applicantEmail.Split('@')[1], "Bayern", ["PQ"], new Imi.Domain.Users.NewUser("Eva", "Maier", applicantEmail, null, "de"),
        "Anerkennung von Berufsqualifikationen.");

    /// <summary>
    /// An application goes to the Bavarian SDIMIC (its region), whose data administrators are e-mailed; it is not searchable and has
    /// no user until validated; the validator sees duplicates; validation makes the applicant the first user, rejection e-mails the reason.
    /// </summary>
    [Fact]
    public async Task AnApplication_IsRouted_Flagged_ThenValidatedOrRejected()
    {
        await using var services = database.Services();
        var coordination = services.Get<CoordinationService>();
        var queries = services.Get<Imi.Infrastructure.Setup.CoordinationQueries>();
        var bavaria = await UserIdAsync(services, "demo.de.bavaria");

        await coordination.ApplyAsync(Application("Landeszahnärztekammer Bayern", "eva.maier@blzk.demo.de"));
        await coordination.ApplyAsync(Application("Bayerische Architektenkammer", "lena.hoffmann@byak.demo.de")); // a known title and e-mail

        var applications = await queries.ApplicationsAsync(bavaria);
        var real = applications.Single(a => a.OfficialTitle == "Landeszahnärztekammer Bayern");
        var duplicate = applications.Single(a => a.OfficialTitle == "Bayerische Architektenkammer");
        Assert.Equal((null, false), (real.SameTitleAs, real.KnownEmail));
        Assert.Equal(("Regionale Kammer der Architekten in Bayern", true), (duplicate.SameTitleAs, duplicate.KnownEmail));
        Assert.Equal(2, (await queries.ApplicationsAsync(await UserIdAsync(services, "demo.de.dataadmin"))).Count); // the NIMIC above
        Assert.Empty(await queries.ApplicationsAsync(await UserIdAsync(services, "demo.de.zab")));                     // a DIMIC beside
        Assert.DoesNotContain((await services.Get<AuthoritySearch>().SearchAsync(new SearchQuery("Landeszahnärztekammer", "de"))).Hits, h => h.AuthorityId == real.Id);
        await using (var db = await services.DbAsync())
        {
            Assert.False(await db.ImiUsers.AnyAsync(u => u.AuthorityId == real.Id));
            Assert.Equal(2, await db.Outbox.CountAsync(m => m.ToAddress == "markus.huber@stmwi.demo.de" && m.Kind == Imi.Infrastructure.Identity.MailKinds.ApplicationReceived));
        }

        var rejected = await coordination.ExecuteAsync(bavaria, new RejectApplication(duplicate.Id, "Bereits registriert."));
        var validated = await coordination.ExecuteAsync(bavaria, new ValidateApplication(real.Id));

        Assert.Equal(Notices.Coordination.ApplicationRejected, rejected.Code);
        Assert.Equal(Notices.Coordination.ApplicationValidated, validated.Code);
        await using (var db = await services.DbAsync())
        {
            var refusal = await db.Outbox.SingleAsync(m => m.Kind == Imi.Infrastructure.Identity.MailKinds.ApplicationRejected);
            Assert.Equal("lena.hoffmann@byak.demo.de", refusal.ToAddress);
            Assert.Contains("Bereits registriert.", refusal.TextBody);
            var gone = await db.Authorities.SingleAsync(a => a.Id == duplicate.Id);
            Assert.Equal((RegistrationStatus.Rejected, (Imi.Domain.Users.NewUser?)null), (gone.Status, gone.Applicant));
            var firstUser = await db.ImiUsers.SingleAsync(u => u.AuthorityId == real.Id);
            Assert.Equal("eva.maier@blzk.demo.de", firstUser.Email);
            Assert.True(await db.Outbox.AnyAsync(m => m.ToAddress == "eva.maier@blzk.demo.de" && m.Kind == Imi.Infrastructure.Identity.MailKinds.TemporaryPassword));
        }
        Assert.Contains((await services.Get<AuthoritySearch>().SearchAsync(new SearchQuery("Landeszahnärztekammer", "de"))).Hits, h => h.AuthorityId == real.Id);
        Assert.Empty(await queries.ApplicationsAsync(bavaria));
    }

    /// <summary>
    /// The Bavarian chamber misses a profession: its coordinator (the SDIMIC) forwards the request, the Commission adds the
    /// keyword in every language (a new version of the list), the chamber's user is told and can choose it.
    /// </summary>
    [Fact]
    public async Task AKeywordRequest_IsForwarded_ThenAdded_AndTheAuthorityChoosesTheNewKeyword()
    {
        await using var services = database.Services();
        var architects = await UserIdAsync(services, "demo.de.architects");
        await services.InScopeAsync(sp => sp.GetRequiredService<Imi.Infrastructure.Setup.SetupService>()
            .ExecuteAsync(architects, new Imi.Infrastructure.Setup.AskCoordinatorForKeyword("PQ_PROFESSIONS", "Landschaftsarchitekt")));
        var queries = services.Get<Imi.Infrastructure.Setup.CoordinationQueries>();
        var bavaria = await UserIdAsync(services, "demo.de.bavaria");
        var commission = await UserIdAsync(services, "demo.commission");

        var asked = Assert.Single((await queries.KeywordRequestsAsync(bavaria)).Requests);
        Assert.Equal(("Landschaftsarchitekt", Imi.Domain.Setup.KeywordRequestState.Asked), (asked.Proposal, asked.State));
        Assert.Empty((await queries.KeywordRequestsAsync(await UserIdAsync(services, "demo.de.zab"))).Requests); // beside the SDIMIC
        Assert.Empty((await queries.KeywordRequestsAsync(commission)).Requests);                                 // not forwarded yet

        await services.Get<CoordinationService>().ExecuteAsync(bavaria, new ForwardKeywordRequest(asked.Id));
        var forwarded = Assert.Single((await queries.KeywordRequestsAsync(commission)).Requests);
        var labels = Imi.Infrastructure.Localization.PortalLanguages.Codes.ToDictionary(l => l, l => l == "en" ? "Landscape architect" : $"Landschaftsarchitekt ({l})");
        var added = await services.Get<CoordinationService>().ExecuteAsync(commission, new AddKeyword(forwarded.Id, labels));

        Assert.Equal(Notices.Keywords.Added, added.Code);
        await using (var db = await services.DbAsync())
        {
            var list = await db.KeywordLists.Include(l => l.Keywords).SingleAsync(l => l.Code == "PQ_PROFESSIONS");
            Assert.Equal(2, list.Version);
            Assert.Equal("Landschaftsarchitekt (de)", list.Keywords.Single(k => k.Code == "LANDSCAPE_ARCHITECT").Labels["de"]);
            Assert.True(await db.Outbox.AnyAsync(m => m.ToAddress == "marta.lindqvist@commission.demo.eu" && m.Kind == Imi.Infrastructure.Identity.MailKinds.KeywordRequestForwarded));
            var told = await db.Outbox.SingleAsync(m => m.Kind == Imi.Infrastructure.Identity.MailKinds.KeywordAdded);
            Assert.Equal("maximilian.bauer@byak.demo.de", told.ToAddress);
            Assert.Contains("Landschaftsarchitekt (de)", told.Subject);
        }
        await services.InScopeAsync(sp => sp.GetRequiredService<Imi.Infrastructure.Setup.SetupService>()
            .ExecuteAsync(architects, new Imi.Infrastructure.Setup.SaveKeywords(null, "PQ_PROFESSIONS", ["ARCHITECT", "LANDSCAPE_ARCHITECT"])));
        await using (var db = await services.DbAsync())
            Assert.Contains((await db.Authorities.SingleAsync(a => a.Id == db.ImiUsers.Single(u => u.Id == architects).AuthorityId)).Keywords,
                k => k.KeywordCode == "LANDSCAPE_ARCHITECT");
    }
}
