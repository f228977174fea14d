namespace Imi.Domain.Common;

/// <summary>
/// Base of every aggregate. <see cref="Revision"/> is the optimistic concurrency token: every
/// mutating method calls <see cref="Touch"/>, so a change to any part of the aggregate (its own
/// row or a child row) updates the root row and is checked against what the writer read.
/// </summary>
public abstract class AggregateRoot
{
    public Guid Id { get; protected init; }

    public int Revision { get; private set; }

    protected void Touch() => Revision++;
}
