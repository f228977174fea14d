using Imi.Domain.Setup;
using Imi.Infrastructure.Localization;
using MudBlazor;

namespace Imi.Portal.Components.Setup;

/// <summary>How the wizard names and draws the guide's steps and states (perspectives and states are named by <c>T.Name</c>).</summary>
public static class SetupText
{
    /// <summary>A step's title in the reader's language (<c>Setup.Steps.S01.Title</c>).</summary>
    public static string Title(Texts texts, SetupStep step) => texts[StepKey(step.Number) + ".Title"];

    /// <summary>What a step is for, in the guide's words (<c>Setup.Steps.S01.Summary</c>).</summary>
    public static string Summary(Texts texts, SetupStep step) => texts[StepKey(step.Number) + ".Summary"];

    public static string StepKey(int number) => $"Setup.Steps.S{number:00}";

    public static string ReasonKey(ChecklistReason reason) => $"Setup.Checklist.Reasons.{reason}";

    /// <summary>
    /// Why a step stands where it stands: "Not completed yet." for a step not completed, followed by
    /// what already needs attention, if anything (two whole sentences).
    /// </summary>
    public static string Reason(Texts texts, StepStatus status)
    {
        var reason = status.Reason is { } code
            ? texts[ReasonKey(code), [.. status.Args.Select(a => new TextArg(a.Name, a.Value))]]
            : null;
        if (status.State != StepState.NotYet)
            return reason ?? "";
        var notCompleted = texts["Setup.Checklist.NotCompleted"];
        return reason is null ? notCompleted : notCompleted + " " + reason;
    }

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
