namespace ComplaintCloud.Api.Hosting;

/// <summary>Where the service listens when nobody said: loopback port 5080, for a developer's machine.</summary>
public static class ListenAddresses
{
    public const string Default = "http://127.0.0.1:5080";

    /// <summary>
    /// Listens on <see cref="Default"/> unless ASPNETCORE_URLS, --urls, Urls, ASPNETCORE_HTTP_PORTS (set by the
    /// ASP.NET container images), ASPNETCORE_HTTPS_PORTS or Kestrel:Endpoints say otherwise. A default in
    /// appsettings.json would instead override the environment variables, which load before it.
    /// </summary>
    public static WebApplicationBuilder ListenOnDefaultUnlessConfigured(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey])
            && string.IsNullOrEmpty(configuration[WebHostDefaults.HttpPortsKey])
            && string.IsNullOrEmpty(configuration[WebHostDefaults.HttpsPortsKey])
            && !configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls(Default);
        }

        return builder;
    }
}
