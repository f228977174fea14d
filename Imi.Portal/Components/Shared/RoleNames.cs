using Imi.Domain.Users;
using Imi.Infrastructure.Localization;

namespace Imi.Portal.Components.Shared;

/// <summary>A user's roles in an area as a list inside a sentence ("request handler, allocator"), in the reader's language.</summary>
public static class RoleNames
{
    public static string Of(Texts texts, AreaRole role) => texts["Shell.Roles." + role];

    public static string List(Texts texts, IEnumerable<AreaRole> roles) => string.Join(", ", roles.Select(r => Of(texts, r)));
}
