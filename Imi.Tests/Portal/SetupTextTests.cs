using System.Globalization;
using Imi.Domain.Access;
using Imi.Domain.Authorities;
using Imi.Domain.Setup;
using Imi.Domain.Users;
using Imi.Infrastructure.Localization;
using Imi.Infrastructure.Users;
using Imi.Portal.Components.Pages;
using Imi.Portal.Components.Setup;
using static Imi.Tests.Domain.DomainBuilders;

namespace Imi.Tests.Portal;

/// <summary>
/// The set-up's texts live in the catalogue, not in the domain: every step of the domain's list and
/// every checklist reason has its English text, so a new step or reason without one fails here.
/// </summary>
public class SetupTextTests
{
    private static readonly TextCatalog Catalog = TextCatalog.Shipped;

    // The tests' culture falls back to English.
    private static readonly Texts English = new(Catalog);

    public static TheoryData<int> Steps => new(SetupSteps.All.Select(s => s.Number));

    public static TheoryData<ChecklistReason> Reasons => new(Enum.GetValues<ChecklistReason>());

    [Theory]
    [MemberData(nameof(Steps))]
    public void EveryStep_HasItsTitleAndSummaryInEnglish(int number)
    {
        Assert.True(Catalog.Has(SetupText.StepKey(number) + ".Title"), $"step {number} has no title");
        Assert.True(Catalog.Has(SetupText.StepKey(number) + ".Summary"), $"step {number} has no summary");
    }

    [Fact]
    public void TheStepsAreTheGuidesFifteen_InItsWords()
    {
        Assert.Equal(Enumerable.Range(1, SetupSteps.Count), SetupSteps.All.Select(s => s.Number));
        Assert.Equal("Edit the general information about your authority", SetupText.Title(English, SetupSteps.Get(1)));
        Assert.Equal("Decide if the authorities you coordinate need your approval", SetupText.Title(English, SetupSteps.Get(15)));
        Assert.StartsWith("IMI only works if registered users become active.", SetupText.Summary(English, SetupSteps.Get(12)));
    }

    [Theory]
    [MemberData(nameof(Reasons))]
    public void EveryChecklistReason_HasItsTextInEnglish(ChecklistReason reason) =>
        Assert.True(Catalog.Has(SetupText.ReasonKey(reason)), $"no text for {reason}");

    [Fact]
    public void EveryPerspectiveStateRoleAndLevel_HasItsName()
    {
        IEnumerable<Enum> values =
        [
            .. Enum.GetValues<SetupPerspective>().Cast<Enum>(), .. Enum.GetValues<StepState>().Cast<Enum>(),
            .. Enum.GetValues<AreaRole>().Cast<Enum>(), .. Enum.GetValues<AuthorityLevel>().Cast<Enum>(),
        ];
        Assert.All(values, v => Assert.True(Catalog.Has(TextCatalog.EnumKey(v)), $"no name for {TextCatalog.EnumKey(v)}"));
    }

    [Fact]
    public void EveryRole_HasItsColumnAndCheckBoxInTheRolesEditor()
    {
        foreach (var role in Enum.GetValues<AreaRole>())
        {
            Assert.True(Catalog.Has($"Setup.RolesEditor.Column.{role}"), $"no column for {role}");
            Assert.True(Catalog.Has($"Setup.RolesEditor.Box.{role}"), $"no check box for {role}");
        }
        Assert.Equal("Ciarán Doherty: request handler for Professional qualifications",
            English["Setup.RolesEditor.Box.RequestHandler", ("user", "Ciarán Doherty"), ("area", "Professional qualifications")]);
    }

    [Fact]
    public void ChecklistReasons_InEnglish_NameTheDomainsValues()
    {
        var authority = Authority(type: CoordinatorType.Nimic, areas: ["PQ", "SERVICES"]);
        var first = User(authority.Id);
        first.GrantFirstUserRights([], authority.IsCoordinator);
        var admin = Actor.Of(first);
        foreach (var step in SetupSteps.All)
            authority.CompleteSetupStep(admin, step.Number, Now);
        string Area(string code) => code == "PQ" ? "Professional qualifications" : "Services";

        var checklist = SetupChecklist.Evaluate(authority, [first], [], Area);

        var texts = checklist.ToDictionary(s => s.Step.Number, s => SetupText.Reason(English, s));
        Assert.All(texts.Values, t => Assert.DoesNotContain("{", t));
        Assert.All(texts.Values, t => Assert.DoesNotContain("Setup.", t));
        Assert.Equal("No keyword yet for: Professional qualifications, Services.", texts[3]);
        Assert.Equal("0 of 1 planned additional user registered.", texts[10]);
        Assert.Equal($"1 user has not signed in yet: {first.DisplayName}.", texts[12]);
        Assert.Equal("No data administrator for: Professional qualifications, Services.", texts[13]);
    }

    [Fact]
    public void AStepNotCompletedYet_SaysSo_ThenWhatAlreadyNeedsAttention()
    {
        var authority = Authority(areas: ["PQ"]);
        var first = User(authority.Id);
        first.GrantFirstUserRights(["PQ"], false);

        var checklist = SetupChecklist.Evaluate(authority, [first], [], c => c);

        Assert.Equal("Not completed yet.", SetupText.Reason(English, checklist[0]));
        Assert.Equal("Not completed yet. No back-up user yet: register at least one more user for holidays and sick leave.",
            SetupText.Reason(English, checklist[6]));
    }

    [Fact]
    public void HomeGuidance_EverySuggestionHasItsTitleAndText()
    {
        var user = new SessionInfo(Guid.NewGuid(), "ie.first", "Aoife Byrne", "en", Guid.NewGuid(), "King's Inns", "IE", "Ireland",
            CoordinatorType.Nimic, AuthorityNeedsTranslation: true, IsLocalDataAdministrator: true, IsTranslator: false,
            [new AreaRolesInfo("PQ", "Professional qualifications", Enum.GetValues<AreaRole>())], SetupComplete: false);

        var suggestions = HomeGuidance.SuggestionsFor(user);
        Assert.All(suggestions, s =>
        {
            Assert.True(Catalog.Has(s.TitleKey), $"no text for {s.TitleKey}");
            Assert.True(Catalog.Has(s.TextKey), $"no text for {s.TextKey}");
        });

        var shown = HomeGuidance.For(user, English);
        Assert.Equal("Follow the guide's checklist, steps 1 to 15, so that authorities abroad can find you and your colleagues can work in IMI.", shown[0].Text);
        Assert.Contains(shown, s => s.Title == "Exchange information on Professional qualifications");
        Assert.All(shown, s => Assert.DoesNotContain("{", s.Title + s.Text));
    }

    [Fact]
    public void AValidationMessage_NamesTheLimitInTheReadersDigits()
    {
        var validator = new Imi.Portal.Forms.RegisterUserFormValidator(English);
        var result = validator.Validate(new Imi.Portal.Forms.RegisterUserForm { GivenName = new string('a', Imi.Domain.Users.User.NameMaxLength + 1), FamilyName = "Byrne", Email = "a@b.ie" });

        Assert.Equal(English["Setup.Validation.TooLong", ("count", Imi.Domain.Users.User.NameMaxLength)], Assert.Single(result.Errors).ErrorMessage);
        Assert.Equal($"At most {Imi.Domain.Users.User.NameMaxLength.ToString("N0", CultureInfo.CurrentCulture)} characters.", Assert.Single(result.Errors).ErrorMessage);
    }
}
