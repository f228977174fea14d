using Imi.Tests.Support;
using Imi.Domain.Authorities;
using Imi.Domain.Common;
using static Imi.Tests.Domain.DomainBuilders;

namespace Imi.Tests.Domain;

public class AuthorityTests
{
    [Fact]
    public void Register_StartsRegistered_WithItsOwnLanguageUnderstood_AndNeedingTranslation()
    {
        var authority = Authority();

        Assert.Equal(RegistrationStatus.Applied, authority.Status);
        Assert.Equal(["en"], authority.LanguagesUnderstood);
        Assert.True(authority.NeedsTranslation);
        Assert.Equal("IE", authority.CountryCode);
    }

    [Theory]
    [InlineData("", "InformalTitle")]
    [InlineData("   ", "InformalTitle")]
    public void Register_WithoutInformalTitle_NamesTheField(string title, string field)
    {
        var e = Assert.Throws<DomainException>(() => Imi.Domain.Authorities.Authority.Register(
            "IE", "Official", "en", title, AuthorityLevel.Local, "a@b.example", Now));
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void Register_WithInformalTitleOverTheLimit_IsRefused()
    {
        var e = Assert.Throws<DomainException>(() => Imi.Domain.Authorities.Authority.Register(
            "IE", "Official", "en", new string('x', InformalTitle.MaxLength + 1), AuthorityLevel.Local, "a@b.example", Now));
        Assert.Equal(Refusals.Input.TooLong, e.Code);
        Assert.Equal(InformalTitle.MaxLength, e.Arg("count"));
    }

    [Fact]
    public void UpdateGeneralInformation_ByLocalDataAdministrator_ChangesEveryStep1Field()
    {
        var authority = Authority();
        authority.MarkTranslated();

        authority.UpdateGeneralInformation(LocalDataAdministratorOf(authority), Info(languages: ["en", "ga", "fr"]), needsNewTranslation: false);

        Assert.Equal(["en", "ga", "fr"], authority.LanguagesUnderstood);
        Assert.Equal("Dublin", authority.Contact.City);
        Assert.Equal("https://kingsinns.example", authority.Contact.Website);
        Assert.Equal("Admits barristers.", authority.ShortProfile);
        Assert.False(authority.NeedsTranslation); // a spelling fix does not need a new translation
    }

    [Fact]
    public void UpdateGeneralInformation_WithNewTranslationTicked_NeedsTranslation()
    {
        var authority = Authority();
        authority.MarkTranslated();

        authority.UpdateGeneralInformation(LocalDataAdministratorOf(authority), Info("Admission of barristers in Ireland"), needsNewTranslation: true);

        Assert.True(authority.NeedsTranslation);
    }

    [Fact]
    public void UpdateGeneralInformation_ByBasicUser_IsNotPermitted()
    {
        var authority = Authority();

        Assert.Throws<NotPermittedException>(() =>
            authority.UpdateGeneralInformation(BasicUserOf(authority), Info(), needsNewTranslation: false));
    }

    [Fact]
    public void UpdateGeneralInformation_ByAdministratorOfAnotherAuthority_IsNotPermitted()
    {
        var authority = Authority();
        var other = Authority();

        Assert.Throws<NotPermittedException>(() =>
            authority.UpdateGeneralInformation(LocalDataAdministratorOf(other), Info(), needsNewTranslation: false));
    }

    [Theory]
    [InlineData("kingsinns.example", "Website")]
    [InlineData("ftp://kingsinns.example", "Website")]
    public void UpdateGeneralInformation_WithInvalidWebsite_NamesTheField(string website, string field)
    {
        var authority = Authority();
        var e = Assert.Throws<DomainException>(() =>
            authority.UpdateGeneralInformation(LocalDataAdministratorOf(authority), Info(website: website), false));
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void UpdateGeneralInformation_WithInvalidEmail_NamesTheField()
    {
        var authority = Authority();
        var e = Assert.Throws<DomainException>(() =>
            authority.UpdateGeneralInformation(LocalDataAdministratorOf(authority), Info(email: "not-an-address"), false));
        Assert.Equal("Email", e.Field);
    }

    [Fact]
    public void Link_OnlyAuthoritiesOfTheSameCountry()
    {
        var irish = Authority("IE");
        var german = Authority("DE");

        var e = Assert.Throws<DomainException>(() => irish.Link(LocalDataAdministratorOf(irish), german));
        Assert.Equal(Refusals.Authority.LinkOnlySameCountry, e.Code);
    }

    [Fact]
    public void Link_ByBasicUser_IsNotPermitted()
    {
        var a = Authority();
        var b = Authority();

        Assert.Throws<NotPermittedException>(() => a.Link(BasicUserOf(a), b));
    }

    [Fact]
    public void Link_IsIdempotent()
    {
        var a = Authority();
        var b = Authority();
        a.Link(LocalDataAdministratorOf(a), b);
        a.Link(LocalDataAdministratorOf(a), b);

        Assert.Single(a.LinkedAuthorities);
    }

    [Fact]
    public void AddRequestCoordinator_MustBeACoordinator_WithAccessToTheArea()
    {
        var authority = Authority(areas: "PQ");
        var notCoordinator = Authority();
        var nimic = Authority(type: CoordinatorType.Nimic, areas: "PQ");

        Assert.Throws<DomainException>(() => authority.AddRequestCoordinator("PQ", notCoordinator));
        Assert.Throws<DomainException>(() => authority.AddRequestCoordinator("SERVICES", nimic));
        authority.AddRequestCoordinator("PQ", nimic);
        var link = Assert.Single(authority.RequestCoordinators);
        Assert.False(link.FullView); // coordinators see no details by default
    }

    [Fact]
    public void EveryChange_AdvancesTheRevision_TheConcurrencyToken()
    {
        var authority = Authority();
        var before = authority.Revision;

        authority.SetTranslation("de", "Berufsorganisation für die Zulassung von Barristern", null, TranslationSource.Human);

        Assert.True(authority.Revision > before);
    }
}

public class TranslationRuleTests
{
    [Fact]
    public void Translate_OnlyByATranslator_NeverIntoTheOriginalLanguage_AndCompletingClearsTheFlag()
    {
        var authority = DomainBuilders.Authority();
        var translator = new Imi.Domain.Access.Actor(Guid.NewGuid(), Guid.NewGuid(), false, IsTranslator: true, []);

        Assert.Throws<Imi.Domain.Common.NotPermittedException>(() =>
            authority.Translate(DomainBuilders.LocalDataAdministratorOf(authority), "fr", "Organisme", null));
        Assert.Throws<Imi.Domain.Common.DomainException>(() => authority.Translate(translator, "en", "Same language", null));

        authority.Translate(translator, "fr", "Organisme d'admission des barristers", null);
        authority.CompleteTranslation(translator);

        Assert.Equal(Imi.Domain.Authorities.TranslationSource.Human, authority.Translations.Single().Source);
        Assert.False(authority.NeedsTranslation);
    }
}
