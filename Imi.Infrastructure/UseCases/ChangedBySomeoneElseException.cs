using Imi.Domain.Common;

namespace Imi.Infrastructure.UseCases;

/// <summary>
/// The data changed since the user's page read it; the user reloads and decides again. The code says
/// what changed (a code of <see cref="Refusals.Concurrency"/>; the authority's set-up unless told).
/// </summary>
public sealed class ChangedBySomeoneElseException(string code = Refusals.Concurrency.SetupChanged) : DomainException(code);
