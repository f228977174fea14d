using Imi.Domain.Common;

namespace Imi.Domain.Setup;

/// <summary>
/// A keyword an authority misses, proposed to its coordinator (step 3): one cleaned line, since it
/// travels in an e-mail to the coordinator.
/// </summary>
public static class KeywordProposal
{
    public const int MaxLength = 200;

    public static string From(string? text)
    {
        var proposal = TextInput.Line(text);
        if (proposal.Length is 0 or > MaxLength)
            throw new DomainException(Refusals.Setup.KeywordProposalLength, "Proposal", ("count", MaxLength));
        return proposal;
    }
}
