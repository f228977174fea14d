namespace Imi.Domain.Setup;

/// <summary>The guide's three perspectives, plus the coordinators' own steps.</summary>
public enum SetupPerspective
{
    SeenFromAnotherCountry,
    InMyOwnCountry,
    FromTheInside,
    CoordinatorsOnly,
}

/// <summary>One step of the guide's checklist.</summary>
public sealed record SetupStep(int Number, SetupPerspective Perspective, string Title, string Purpose)
{
    public bool CoordinatorsOnly => Perspective == SetupPerspective.CoordinatorsOnly;
}

/// <summary>The 15 steps of "Setting up IMI: guide for the first user in an authority", in its words.</summary>
public static class SetupSteps
{
    public const int Count = 15;

    public static IReadOnlyList<SetupStep> All { get; } =
    [
        new(1, SetupPerspective.SeenFromAnotherCountry, "Edit the general information about your authority",
            "An official abroad who does not speak your language must recognise what your authority does: a short, clear informal title and profile are translated into all EU languages; say which languages you understand and where alerts should go."),
        new(2, SetupPerspective.SeenFromAnotherCountry, "Specify your authority's areas of competence",
            "Two European keyword lists, valid in every country, describe your responsibilities: areas of economic activity and policy areas. Be as specific as you can."),
        new(3, SetupPerspective.SeenFromAnotherCountry, "Specify your responsibilities in each legislative area",
            "Each legislative area has its own keyword list. Check the keywords chosen at registration and add the ones that are missing."),
        new(4, SetupPerspective.InMyOwnCountry, "Link other authorities to your authority",
            "Authorities of your country that supervise or work with you (a national chamber for a regional one, say) can get a high-level overview of your exchanges, never their personal data."),
        new(5, SetupPerspective.InMyOwnCountry, "Establish your links with your request coordinators",
            "You need at least one request coordinator for each legislative area. By default they see no details of your requests; you may grant a coordinator full view (still no personal data)."),
        new(6, SetupPerspective.FromTheInside, "Find out in which departments IMI will be used",
            "Check in which legislative areas your authority is active and which unit deals with them; the question sets of each area help you decide."),
        new(7, SetupPerspective.FromTheInside, "Determine how many additional users to register",
            "The number of users should reflect the size and needs of your authority. Even a very small authority should register at least one more user, as back-up during holidays or sick leave."),
        new(8, SetupPerspective.FromTheInside, "Decide if your authority wants to use allocation",
            "Normally every request handler is alerted to a new request. With allocation, an allocator receives incoming requests and assigns them to colleagues: useful for large authorities."),
        new(9, SetupPerspective.FromTheInside, "Decide on the roles of each user",
            "You have every right. Delegate: request handlers send and answer requests, allocators assign them, a local data administrator looks after your data and users; a basic user can follow the exchanges."),
        new(10, SetupPerspective.FromTheInside, "Register the users",
            "Enter each user's contact details, preferred working language and personal e-mail address (each must be different), then their role in each legislative area."),
        new(11, SetupPerspective.FromTheInside, "Tell the users their usernames",
            "The system e-mails a temporary password, but never the username: tell each colleague their username in person, or by phone, fax or post."),
        new(12, SetupPerspective.FromTheInside, "Encourage the new users to log in",
            "IMI only works if registered users become active. A new user chooses a password and a 12-digit security code at the first sign-in."),
        new(13, SetupPerspective.CoordinatorsOnly, "Decide who will play the role of data administrator",
            "The data administrator manages the data of the authorities you coordinate: validates them, gives them access to legislative areas, edits official titles and resets their local data administrators' passwords. The role is per legislative area."),
        new(14, SetupPerspective.CoordinatorsOnly, "Decide if you want to take part in referrals",
            "When an authority you coordinate and one abroad cannot agree, the coordinators on both sides can act as referees. The standard setting is yes; you may appoint referral handlers, or say no."),
        new(15, SetupPerspective.CoordinatorsOnly, "Decide if the authorities you coordinate need your approval",
            "Some countries keep central control: you may approve requests and/or replies of the authorities you coordinate before they leave. The default is no."),
    ];

    public static SetupStep Get(int number) =>
        number is >= 1 and <= Count ? All[number - 1] : throw new ArgumentOutOfRangeException(nameof(number), "Setup steps are 1 to 15.");

    /// <summary>The steps an authority goes through: coordinators also 13 to 15.</summary>
    public static IReadOnlyList<SetupStep> For(bool isCoordinator) =>
        isCoordinator ? All : All.Where(s => !s.CoordinatorsOnly).ToList();
}
