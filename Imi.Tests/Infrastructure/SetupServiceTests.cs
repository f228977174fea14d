using Imi.Infrastructure.UseCases;
using Imi.Domain.Authorities;
using Imi.Domain.Common;
using Imi.Domain.Setup;
using Imi.Domain.Users;
using Imi.Infrastructure.Demo;
using Imi.Infrastructure.Identity;
using Imi.Infrastructure.Localization;
using Imi.Infrastructure.Setup;
using Imi.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Imi.Tests.Infrastructure;

/// <summary>Each setup step through the use-case service, persisted and read back from PostgreSQL.</summary>
public class SetupServiceTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static async Task<Guid> UserIdAsync(TestServices services, string username)
    {
        await using var db = await services.DbAsync();
        return await db.ImiUsers.Where(u => u.Username == username).Select(u => u.Id).SingleAsync();
    }

    // Every command's notice must have its text in the catalogue.
    private static async Task<SetupResult> RunAsync(TestServices services, Guid actor, SetupCommand command)
    {
        var result = await services.InScopeAsync(sp => sp.GetRequiredService<SetupService>().ExecuteAsync(actor, command));
        Assert.True(TextCatalog.Shipped.Has("Notices." + result.Notice.Code), $"no English text for {result.Notice.Code}");
        return result;
    }

    private static string English(Notice notice) => new Texts(TextCatalog.Shipped).In("en").Notice(notice);

    private static Task<SetupView> ViewAsync(TestServices services, Guid actor) =>
        services.InScopeAsync(sp => sp.GetRequiredService<SetupService>().GetAsync(actor));

    [Fact]
    public async Task Step1_GeneralInformation_PersistsAndReloads()
    {
        await using var services = database.Services();
        var first = await UserIdAsync(services, DemoNetwork.NewFirstUsername);
        var before = await ViewAsync(services, first);

        var info = new GeneralInformation("Registration body for dentists in Ireland", "Registers dentists and recognises foreign dental qualifications.",
            AuthorityLevel.National, ["en", "ga"], new ContactDetails("57 Merrion Square", "D02 EH90", "Dublin", null, "+353 1 676 2069", "https://dentalcouncil.example"),
            "imi@dentalcouncil.demo.ie");
        await RunAsync(services, first, new SaveGeneralInformation(before.Revision, info, NeedsNewTranslation: true));
        await RunAsync(services, first, new CompleteSetupStep(1));

        var after = await ViewAsync(services, first);
        Assert.Equal("Registration body for dentists in Ireland", after.InformalTitle);
        Assert.Equal(["en", "ga"], after.LanguagesUnderstood);
        Assert.Equal("57 Merrion Square", after.Contact.Street);
        Assert.True(after.NeedsTranslation);
        Assert.Equal(StepState.Done, after.StatusOf(1).State);
    }

    [Fact]
    public async Task StaleRevision_IsAConflict_NotAnOverwrite()
    {
        await using var services = database.Services();
        var admin = await UserIdAsync(services, "demo.ie.nursing");
        var view = await ViewAsync(services, admin);
        await RunAsync(services, admin, new PlanAdditionalUsers(view.Revision, 3));

        await Assert.ThrowsAsync<ChangedBySomeoneElseException>(() =>
            RunAsync(services, admin, new PlanAdditionalUsers(view.Revision, 5)));
        Assert.Equal(3, (await ViewAsync(services, admin)).PlannedAdditionalUsers);
    }

    [Fact]
    public async Task Steps2And3_Keywords_PersistPerList()
    {
        await using var services = database.Services();
        var first = await UserIdAsync(services, "demo.pl.nurses");
        var view = await ViewAsync(services, first);

        await RunAsync(services, first, new SaveKeywords(view.Revision, "POLICY_AREAS", ["PUBLIC_HEALTH", "EDUCATION_AND_TRAINING"]));
        view = await ViewAsync(services, first);
        await RunAsync(services, first, new SaveKeywords(view.Revision, "PQ_PROFESSIONS", ["NURSE_GENERAL_CARE", "MIDWIFE"]));

        var after = await ViewAsync(services, first);
        Assert.Equal(["EDUCATION_AND_TRAINING", "PUBLIC_HEALTH"], after.KeywordsOf("POLICY_AREAS").Order());
        Assert.Equal(["MIDWIFE", "NURSE_GENERAL_CARE"], after.KeywordsOf("PQ_PROFESSIONS").Order());
        Assert.DoesNotContain(after.KeywordLists, l => l.Code == "SERVICES_ACTIVITIES"); // no access to Services
        // Labelled in the reader's language (Polish).
        Assert.Contains("Pielęgniar", after.KeywordLists.Single(l => l.Code == "PQ_PROFESSIONS").Keywords.Single(k => k.Code == "NURSE_GENERAL_CARE").Label);
    }

    [Fact]
    public async Task AskingForAMissingKeyword_EmailsTheCoordinator()
    {
        await using var services = database.Services();
        var first = await UserIdAsync(services, "demo.ie.cork");

        var result = await RunAsync(services, first, new AskCoordinatorForKeyword("SERVICES_ACTIVITIES", "Christmas markets"));

        Assert.Equal(Notices.Setup.KeywordRequestSent, result.Notice.Code);
        Assert.Contains("Irish national IMI coordinator", English(result.Notice));
        await using var db = await services.DbAsync();
        var mails = await db.Outbox.Where(m => m.Kind == MailKinds.KeywordRequest).ToListAsync();
        Assert.Contains(mails, m => m.ToAddress == "imi@enterprise.demo.ie" && m.TextBody.Contains("Christmas markets") && m.TextBody.Contains("(Ireland)"));
        Assert.Contains(mails, m => m.ToAddress == "siobhan.murphy@enterprise.demo.ie"); // its data administrator
    }

    [Fact]
    public async Task Step4_LinksOnlyWithinTheCountry_FoundBySearch()
    {
        await using var services = database.Services();
        var admin = await UserIdAsync(services, "demo.de.architects");
        var found = await services.InScopeAsync(sp => sp.GetRequiredService<SetupService>().FindLinkableAsync(admin, "kammer"));
        Assert.All(found, a => Assert.DoesNotContain("Architektenkammer", a.OfficialTitle));
        var ihk = found.Single(a => a.OfficialTitle.StartsWith("Industrie- und Handelskammer"));

        await RunAsync(services, admin, new LinkAuthority(ihk.Id));
        Assert.Contains((await ViewAsync(services, admin)).LinkedAuthorities, l => l.Id == ihk.Id);

        await RunAsync(services, admin, new UnlinkAuthority(ihk.Id));
        Assert.Empty((await ViewAsync(services, admin)).LinkedAuthorities);
        var french = await services.InScopeAsync(sp => sp.GetRequiredService<SetupService>().FindLinkableAsync(admin, "ordre"));
        Assert.Empty(french);
    }

    [Fact]
    public async Task Step5_RequestCoordinators_AddGrantFullViewRemove_ButNeverTheLast()
    {
        await using var services = database.Services();
        var admin = await UserIdAsync(services, "demo.de.lageso");
        var view = await ViewAsync(services, admin);
        var zab = view.RequestCoordinators.Single(r => r.AreaCode == "PQ");
        var nimic = view.Coordinators.Single(c => c.CoordinatorType == CoordinatorType.Nimic);

        await RunAsync(services, admin, new AddRequestCoordinator("PQ", nimic.Id));
        await RunAsync(services, admin, new SetFullView("PQ", nimic.Id, true));
        await RunAsync(services, admin, new RemoveRequestCoordinator("PQ", zab.CoordinatorId));

        var after = await ViewAsync(services, admin);
        var only = Assert.Single(after.RequestCoordinators);
        Assert.True(only.FullView);
        var e = await Assert.ThrowsAsync<DomainException>(() => RunAsync(services, admin, new RemoveRequestCoordinator("PQ", nimic.Id)));
        Assert.Equal(Refusals.Setup.LastRequestCoordinator, e.Code);
    }

    [Fact]
    public async Task Steps6To8_Departments_PlannedUsers_Allocation()
    {
        await using var services = database.Services();
        var admin = await UserIdAsync(services, "demo.es.abogados");
        var view = await ViewAsync(services, admin);
        await RunAsync(services, admin, new SaveDepartment(view.Revision, "PQ", "Departamento de Colegiación"));
        view = await ViewAsync(services, admin);
        await RunAsync(services, admin, new PlanAdditionalUsers(view.Revision, 2));
        await RunAsync(services, admin, new SetAllocation("PQ", true));

        var after = await ViewAsync(services, admin);
        Assert.Equal("Departamento de Colegiación", after.Areas.Single().Department);
        Assert.Equal(2, after.PlannedAdditionalUsers);
        Assert.True(after.Areas.Single().AllocationEnabled);
        Assert.Equal(StepState.NeedsAttention, after.StatusOf(7).State); // still no back-up user
    }

    [Fact]
    public async Task Step8_AllocationWithoutAnAllocator_IsRefusedNextToTheSwitch()
    {
        await using var services = database.Services();
        var admin = await UserIdAsync(services, "demo.it.lombardia");
        var me = (await ViewAsync(services, admin)).Staff.Single();
        await RunAsync(services, admin, new SetUserRoles(me.Id, me.Revision, true, [new("SERVICES", AreaRole.RequestHandler)]));

        var e = await Assert.ThrowsAsync<DomainException>(() => RunAsync(services, admin, new SetAllocation("SERVICES", true)));
        Assert.Equal("AllocationEnabled", e.Field);
    }

    [Fact]
    public async Task Step10_RegisterUser_EmailsATemporaryPassword_ShowsTheUsernameOnlyToTheAdministrator()
    {
        await using var services = database.Services();
        var admin = await UserIdAsync(services, "demo.pt.engineers");

        var result = await RunAsync(services, admin, new RegisterUser(
            new NewUser("Ana", "Rodrigues", "ana.rodrigues@ordemengenheiros.demo.pt", "+351 21 313 2600", "pt"), false,
            [new("PQ", AreaRole.RequestHandler)]));

        Assert.Matches("^PT-AR-[0-9]{5}$", result.ShowUsername);
        var registered = result.View.Staff.Single(u => u.Email == "ana.rodrigues@ordemengenheiros.demo.pt");
        Assert.True(registered.Has(AreaRole.RequestHandler, "PQ"));
        Assert.True(registered.HasTemporaryPassword);
        await using var db = await services.DbAsync();
        var mail = await db.Outbox.SingleAsync(m => m.ToAddress == "ana.rodrigues@ordemengenheiros.demo.pt");
        Assert.Equal("A sua palavra-passe temporária do IMI", mail.Subject); // in her language
        Assert.DoesNotContain(result.ShowUsername!, mail.TextBody);

        var duplicate = await Assert.ThrowsAsync<DomainException>(() => RunAsync(services, admin, new RegisterUser(
            new NewUser("Outra", "Pessoa", "ANA.RODRIGUES@ordemengenheiros.demo.pt", null, "pt"), false, [])));
        Assert.Equal("Email", duplicate.Field);
    }

    [Fact]
    public async Task ChangeUsername_ResetPassword_Remind()
    {
        await using var services = database.Services();
        var admin = await UserIdAsync(services, "demo.fr.architects");
        var colleague = (await ViewAsync(services, admin)).Staff.Single(u => u.Username == "demo.fr.handler");

        var taken = await Assert.ThrowsAsync<DomainException>(() => RunAsync(services, admin, new ChangeUsername(colleague.Id, "demo.fr.lyon")));
        Assert.Equal("Username", taken.Field);
        var renamed = await RunAsync(services, admin, new ChangeUsername(colleague.Id, "camille.bernard"));
        Assert.Equal("camille.bernard", renamed.ShowUsername);

        await RunAsync(services, admin, new ResetPassword(colleague.Id));
        await using var db = await services.DbAsync();
        var account = await db.Accounts.SingleAsync(a => a.Id == colleague.Id);
        Assert.Equal("CAMILLE.BERNARD", account.NormalizedUserName); // signs in with the new username
        Assert.True(account.MustChangeCredentials);
        Assert.Null(account.SecurityCodeHashes);

        await RunAsync(services, admin, new RemindToSignIn(colleague.Id));
        var reminder = await db.Outbox.SingleAsync(m => m.Kind == MailKinds.SignInReminder && m.ToAddress == colleague.Email);
        Assert.Equal("Veuillez vous connecter à IMI", reminder.Subject);
        Assert.DoesNotContain("camille.bernard", reminder.TextBody);
    }

    [Fact]
    public async Task BasicUser_SeesTheSetUpReadOnly_AndIsRefusedOnTheServer()
    {
        await using var services = database.Services();
        var basic = await UserIdAsync(services, "demo.ie.basic");
        var view = await ViewAsync(services, basic);

        Assert.False(view.CanEdit);
        await Assert.ThrowsAsync<NotPermittedException>(() => RunAsync(services, basic, new PlanAdditionalUsers(view.Revision, 4)));
        await Assert.ThrowsAsync<NotPermittedException>(() => RunAsync(services, basic, new CompleteSetupStep(1)));
        await Assert.ThrowsAsync<NotPermittedException>(() => RunAsync(services, basic,
            new RegisterUser(new NewUser("A", "B", "a.b@kingsinns.demo.ie", null, "en"), true, [])));
    }

    [Fact]
    public async Task Steps13To15_CoordinatorSettings_Persist()
    {
        await using var services = database.Services();
        var coordinator = await UserIdAsync(services, "demo.es.coordinator");
        var me = (await ViewAsync(services, coordinator)).Staff.Single();

        await RunAsync(services, coordinator, new SetReferralParticipation("PQ", ReferralParticipation.ReferralHandlers));
        await RunAsync(services, coordinator, new SetReferralParticipation("SERVICES", ReferralParticipation.No));
        await RunAsync(services, coordinator, new SetApproval("SERVICES", Requests: true, Replies: true));
        var refused = await Assert.ThrowsAsync<DomainException>(() => RunAsync(services, coordinator, new SetUserRoles(me.Id, me.Revision, true,
            me.Roles.Where(r => !(r.Role == AreaRole.ReferralHandler && r.LegislativeAreaCode == "PQ")).ToList())));
        Assert.Equal(Refusals.Users.LastReferralHandler, refused.Code);
        Assert.Equal("PQ", refused.Arg("area"));

        var after = await ViewAsync(services, coordinator);
        Assert.Equal(15, after.Checklist.Count);
        Assert.Equal(ReferralParticipation.ReferralHandlers, after.Areas.Single(a => a.Code == "PQ").Referral);
        Assert.Equal(ReferralParticipation.No, after.Areas.Single(a => a.Code == "SERVICES").Referral);
        Assert.True(after.Areas.Single(a => a.Code == "SERVICES").ApprovesReplies);
        Assert.False(after.Areas.Single(a => a.Code == "PQ").ApprovesRequests);
    }

    [Fact]
    public async Task CoordinatorsDataAdministrator_ResetsTheLocalAdministratorOfACoordinatedAuthority_OnlyThem()
    {
        await using var services = database.Services();
        var coordinatorAdmin = await UserIdAsync(services, "demo.ie.coordinator");
        var kingsInnsAdmin = await UserIdAsync(services, "demo.ie.kingsinns");
        var kingsInnsHandler = await UserIdAsync(services, "demo.ie.handler");

        var coordinated = await services.Get<CoordinationQueries>().GetAsync(coordinatorAdmin);
        Assert.Contains(coordinated, a => a.OfficialTitle == "Honourable Society of King's Inns" && a.LocalDataAdministrators.Any(u => u.UserId == kingsInnsAdmin));

        await RunAsync(services, coordinatorAdmin, new ResetPassword(kingsInnsAdmin));
        await Assert.ThrowsAsync<NotPermittedException>(() => RunAsync(services, coordinatorAdmin, new ResetPassword(kingsInnsHandler)));
        var germanCoordinator = await UserIdAsync(services, "demo.de.dataadmin");
        await Assert.ThrowsAsync<NotPermittedException>(() => RunAsync(services, germanCoordinator, new ResetPassword(kingsInnsAdmin)));
    }

    /// <summary>Decision 010: the coordinator above the authority's coordinator may too; one beside it may not.</summary>
    [Fact]
    public async Task TheNimicAboveTheBavarianSdimic_ResetsTheBavarianChambersAdministrator_TheDimicBesideItMayNot()
    {
        await using var services = database.Services();
        var chamberAdmin = await UserIdAsync(services, "demo.de.architects"); // coordinated by the Bavarian SDIMIC
        var dimicForPq = await UserIdAsync(services, "demo.de.zab");

        var refused = await Assert.ThrowsAsync<NotPermittedException>(() => RunAsync(services, dimicForPq, new ResetPassword(chamberAdmin)));
        Assert.Equal(Refusals.Users.ResetByLocalDataAdministrator, refused.Code);
        await RunAsync(services, await UserIdAsync(services, "demo.de.dataadmin"), new ResetPassword(chamberAdmin)); // the German NIMIC

        await using var db = await services.DbAsync();
        Assert.True((await db.Accounts.SingleAsync(a => a.Id == chamberAdmin)).MustChangeCredentials);
    }
}
