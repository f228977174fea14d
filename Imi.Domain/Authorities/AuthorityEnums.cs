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
    /// <summary>The Commission's IMI team: registers each country's NIMIC, above every country's tree.</summary>
    Commission,
}

public enum RegistrationStatus
{
    /// <summary>Applied (self-registration), waiting for its coordinator to validate it; not found by search, no one signs in.</summary>
    Applied,
    /// <summary>Validated by its coordinator (or registered by one): a full member of the network.</summary>
    Validated,
    /// <summary>No longer active; kept for the record of its past exchanges.</summary>
    Deactivated,
    /// <summary>Its application was rejected, with a reason; kept (without the applicant's personal data) to recognise a repeat.</summary>
    Rejected,
}
