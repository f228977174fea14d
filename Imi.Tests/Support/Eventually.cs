namespace Imi.Tests.Support;

/// <summary>Waits for a condition (never a fixed sleep): polls until it holds or the timeout passes.</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T?>> probe, TimeSpan? timeout = null, string? what = null) where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var value = await probe();
            if (value is not null)
                return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Timed out waiting for {what ?? "a condition"}.");
            await Task.Delay(50);
        }
    }

    public static Task<T> ReturnsAsync<T>(Func<T?> probe, TimeSpan? timeout = null, string? what = null) where T : class =>
        ReturnsAsync(() => Task.FromResult(probe()), timeout, what);
}
