namespace Imi.Domain.Authorities;

public enum AuthorityLevel
{
    National,
    Regional,
    Local,
}

/// <summary>Whether the authority is an IMI coordinator, and of which kind.</summary>
public enum CoordinatorType
{
    None,
    /// <summary>National IMI coordinator: one per country.</summary>
    Nimic,
    /// <summary>Delegated IMI coordinator: for a legislative area or a region.</summary>
    Dimic,
    /// <summary>Super-DIMIC: a region, all legislative areas.</summary>
    Sdimic,
    /// <summary>Local IMI coordinator: a region below a DIMIC or an SDIMIC.</summary>
    Limic,
}

public enum RegistrationStatus
{
    /// <summary>Registered, waiting for its coordinator to validate it; not visible in search.</summary>
    Registered,
    /// <summary>Validated by its coordinator: a full member of the network.</summary>
    Validated,
    /// <summary>No longer active; kept for the record of its past exchanges.</summary>
    Deactivated,
}
