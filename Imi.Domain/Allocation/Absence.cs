namespace Imi.Domain.Allocation;

/// <summary>
/// An absence a user recorded (or an allocator recorded for them): both days included, UTC calendar
/// days. While it runs, the board marks the user absent, suggestions and automatic allocation skip
/// them, and the deputy, when named, gets their alerts and sees the requests allocated to them.
/// </summary>
public sealed record Absence(DateOnly From, DateOnly To, Guid? DeputyId)
{
    public bool Covers(DateOnly day) => From <= day && day <= To;

    /// <summary>Over: nothing to mark any more (the user's profile offers to record a new one).</summary>
    public bool IsOverOn(DateOnly day) => To < day;
}
