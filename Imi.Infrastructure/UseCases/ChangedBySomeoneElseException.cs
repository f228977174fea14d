using Imi.Domain.Common;

namespace Imi.Infrastructure.UseCases;

/// <summary>The data changed since the user's page read it; the user reloads and decides again.</summary>
public sealed class ChangedBySomeoneElseException()
    : DomainException("Someone else changed this authority's set-up since you opened the page. The page now shows their change: please check it and try again.");
