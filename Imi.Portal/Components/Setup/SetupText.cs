using Imi.Domain.Setup;
using MudBlazor;

namespace Imi.Portal.Components.Setup;

/// <summary>How the wizard names and draws the guide's perspectives, states and steps.</summary>
public static class SetupText
{
    public static string Perspective(SetupPerspective perspective) => perspective switch
    {
        SetupPerspective.SeenFromAnotherCountry => "My authority seen from another country",
        SetupPerspective.InMyOwnCountry => "My authority in my own country",
        SetupPerspective.FromTheInside => "My authority seen from the inside",
        _ => "For coordinators only",
    };

    public static string StateName(StepState state) => state switch
    {
        StepState.Done => "Done",
        StepState.NeedsAttention => "Needs attention",
        _ => "Not yet",
    };

    public static string Icon(StepState state) => state switch
    {
        StepState.Done => Icons.Material.Filled.CheckCircle,
        StepState.NeedsAttention => Icons.Material.Filled.Warning,
        _ => Icons.Material.Outlined.Circle,
    };

    public static Color Color(StepState state) => state switch
    {
        StepState.Done => MudBlazor.Color.Success,
        StepState.NeedsAttention => MudBlazor.Color.Warning,
        _ => MudBlazor.Color.Default,
    };

    private static readonly Type[] Components =
    [
        typeof(Step01GeneralInformation), typeof(Step02Competences), typeof(Step03AreaKeywords), typeof(Step04Links),
        typeof(Step05RequestCoordinators), typeof(Step06Departments), typeof(Step07Users), typeof(Step08Allocation),
        typeof(Step09Roles), typeof(Step10RegisterUsers), typeof(Step11Usernames), typeof(Step12SignIns),
        typeof(Step13DataAdministrators), typeof(Step14Referrals), typeof(Step15Approval),
    ];

    /// <summary>The component of each step, one per step of the guide.</summary>
    public static Type ComponentFor(int step) => Components[step - 1];
}
