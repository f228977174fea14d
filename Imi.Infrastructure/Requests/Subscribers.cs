using Microsoft.Extensions.Logging;

namespace Imi.Infrastructure.Requests;

/// <summary>Hands a notification to each subscriber in turn: one that fails (a closed circuit) does not stop the others.</summary>
internal static class Subscribers
{
    public static void InvokeEach<T>(Action<T>? subscribers, T value, ILogger logger)
    {
        foreach (var subscriber in subscribers?.GetInvocationList() ?? [])
        {
            try
            {
                ((Action<T>)subscriber)(value);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "A subscriber to {Notification} failed", typeof(T).Name);
            }
        }
    }
}
