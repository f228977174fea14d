using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace Imi.Portal.Components.Shared;

public static class CurrentUser
{
    /// <summary>The signed-in user's id, from the authentication cookie's claims.</summary>
    public static async Task<Guid?> IdAsync(Task<AuthenticationState>? state)
    {
        if (state is null)
            return null;
        var user = (await state).User;
        return Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
    }
}
