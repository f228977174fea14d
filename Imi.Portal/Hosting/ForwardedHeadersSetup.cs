using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Imi.Portal.Hosting;

/// <summary>
/// Behind a proxy that ends TLS, the portal learns the client's scheme and address from
/// X-Forwarded-Proto/For, so that it knows the request was HTTPS (cookies are then Secure, no
/// redirect loop) — but only from the proxies it is told to trust.
/// </summary>
/// <remarks>
/// Configuration: <c>ForwardedHeaders:KnownProxies</c> (addresses) and
/// <c>ForwardedHeaders:KnownNetworks</c> (CIDR, e.g. 10.0.0.0/8), as arrays or comma-separated.
/// Without either, only a proxy on the same machine (loopback) is trusted.
/// </remarks>
public static class ForwardedHeadersSetup
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddForwardedHeadersFrom(this IServiceCollection services, IConfiguration configuration) =>
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            var section = configuration.GetSection(Section);
            foreach (var proxy in Values(section.GetSection("KnownProxies")))
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in Values(section.GetSection("KnownNetworks")))
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });

    private static IEnumerable<string> Values(IConfigurationSection section) =>
        (section.Value is { } single ? single.Split(',') : section.GetChildren().Select(c => c.Value ?? ""))
        .Select(v => v.Trim()).Where(v => v.Length > 0);
}
