using Imi.Domain.Access;
using Imi.Domain.Authorities;
using Imi.Domain.Users;

namespace Imi.Tests.Domain;

internal static class DomainBuilders
{
    public static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    public static Authority Authority(string country = "IE", CoordinatorType type = CoordinatorType.None, params string[] areas)
    {
        var authority = Imi.Domain.Authorities.Authority.Register(country, "Honourable Society of King's Inns", "en",
            "Professional body for admission of barristers", AuthorityLevel.National, "imi@kingsinns.example", Now, type);
        foreach (var area in areas.Length == 0 ? ["PQ"] : areas)
            authority.GrantAreaAccess(area);
        return authority;
    }

    public static Actor LocalDataAdministratorOf(Authority authority) => new(Guid.NewGuid(), authority.Id, true, false, []);

    public static Actor BasicUserOf(Authority authority) => new(Guid.NewGuid(), authority.Id, false, false, []);

    public static GeneralInformation Info(string informalTitle = "Professional body for admission of barristers",
        string? website = "https://kingsinns.example", string email = "imi@kingsinns.example", params string[] languages) =>
        new(informalTitle, "Admits barristers.", AuthorityLevel.National, languages.Length == 0 ? ["en", "ga"] : languages,
            new ContactDetails("Henrietta Street", "D01 KF59", "Dublin", null, "+353 1 874 4840", website), email);

    public static User User(Guid authorityId, string email = "aoife.byrne@kingsinns.example") =>
        Imi.Domain.Users.User.Register(authorityId, "demo.user", email, "Aoife", "Byrne", "en", Now);
}
