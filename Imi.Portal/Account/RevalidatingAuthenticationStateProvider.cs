using System.Security.Claims;
using Imi.Infrastructure.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Imi.Portal.Account;

/// <summary>
/// Keeps a circuit's sign-in honest: when the account's security stamp changes (sign-out
/// elsewhere, a lockout, a reset, new roles…), <see cref="AccountChanges"/> says so on every
/// instance and the circuit re-checks at once; a check every minute is the safety net for a
/// notification lost while the listener reconnects.
/// </summary>
public sealed class RevalidatingAuthenticationStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly AccountChanges _changes;
    private readonly ILogger _logger;

    // "Your session has ended" is drawn in the reader's language, not the listener thread's.
    private readonly Localization.CircuitCulture _culture = new();

    public RevalidatingAuthenticationStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopeFactory, AccountChanges changes)
        : base(loggerFactory)
    {
        _scopeFactory = scopeFactory;
        _changes = changes;
        _logger = loggerFactory.CreateLogger<RevalidatingAuthenticationStateProvider>();
        _changes.Changed += OnAccountChanged;
    }

    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = _scopeFactory.CreateAsyncScope();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        return await SessionValidation.StampIsCurrentAsync(authenticationState.User, scope.ServiceProvider, now);
    }

    private void OnAccountChanged(Guid accountId) => _ = RevalidateIfMineAsync(accountId);

    private async Task RevalidateIfMineAsync(Guid accountId)
    {
        _culture.Apply();
        try
        {
            var state = await GetAuthenticationStateAsync();
            if (state.User.FindFirstValue(ClaimTypes.NameIdentifier) != accountId.ToString())
                return;
            if (!await ValidateAuthenticationStateAsync(state, CancellationToken.None))
                SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Re-checking a circuit's sign-in after an account change failed");
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _changes.Changed -= OnAccountChanged;
        base.Dispose(disposing);
    }
}
