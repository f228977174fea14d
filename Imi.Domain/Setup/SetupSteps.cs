namespace Imi.Domain.Setup;

/// <summary>The guide's three perspectives, plus the coordinators' own steps.</summary>
public enum SetupPerspective
{
    SeenFromAnotherCountry,
    InMyOwnCountry,
    FromTheInside,
    CoordinatorsOnly,
}

/// <summary>
/// One step of the guide's checklist. Its title and summary are texts of the portal's catalogue
/// (<c>Setup.Steps.S01.Title</c>, <c>.Summary</c>), in the reader's language.
/// </summary>
public sealed record SetupStep(int Number, SetupPerspective Perspective)
{
    public bool CoordinatorsOnly => Perspective == SetupPerspective.CoordinatorsOnly;
}

/// <summary>The 15 steps of "Setting up IMI: guide for the first user in an authority", in its order.</summary>
public static class SetupSteps
{
    public const int Count = 15;

    public static IReadOnlyList<SetupStep> All { get; } =
    [
        new(1, SetupPerspective.SeenFromAnotherCountry),  // general information
        new(2, SetupPerspective.SeenFromAnotherCountry),  // areas of competence
        new(3, SetupPerspective.SeenFromAnotherCountry),  // keywords of each legislative area
        new(4, SetupPerspective.InMyOwnCountry),          // linked authorities
        new(5, SetupPerspective.InMyOwnCountry),          // request coordinators
        new(6, SetupPerspective.FromTheInside),           // departments
        new(7, SetupPerspective.FromTheInside),           // how many users
        new(8, SetupPerspective.FromTheInside),           // allocation
        new(9, SetupPerspective.FromTheInside),           // roles
        new(10, SetupPerspective.FromTheInside),          // register the users
        new(11, SetupPerspective.FromTheInside),          // tell the usernames
        new(12, SetupPerspective.FromTheInside),          // first sign-ins
        new(13, SetupPerspective.CoordinatorsOnly),       // data administrators
        new(14, SetupPerspective.CoordinatorsOnly),       // referrals
        new(15, SetupPerspective.CoordinatorsOnly),       // approval
    ];

    public static SetupStep Get(int number) =>
        number is >= 1 and <= Count ? All[number - 1] : throw new ArgumentOutOfRangeException(nameof(number), "Setup steps are 1 to 15.");

    /// <summary>The steps an authority goes through: coordinators also 13 to 15.</summary>
    public static IReadOnlyList<SetupStep> For(bool isCoordinator) =>
        isCoordinator ? All : All.Where(s => !s.CoordinatorsOnly).ToList();
}
