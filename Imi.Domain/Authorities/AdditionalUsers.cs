namespace Imi.Domain.Authorities;

/// <summary>How many more users an authority may say it plans to register (step 7).</summary>
public static class AdditionalUsers
{
    public const int MaxPlanned = 500;
}
