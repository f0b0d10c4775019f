using System.Security.Cryptography;
using ComplaintCloud.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace ComplaintCloud.Api.Tenancy;

public static class AuthenticationSetup
{
    /// <summary>
    /// Bearer tokens signed with Auth:SigningKey. Production refuses to start without a key; elsewhere a random key is
    /// made for this run (tokens then end with the process), and the log says so.
    /// </summary>
    public static AuthSettings AddComplaintCloudAuthentication(this WebApplicationBuilder builder)
    {
        var key = builder.Configuration["Auth:SigningKey"];
        if (string.IsNullOrEmpty(key))
        {
            if (builder.Environment.IsProduction())
            {
                throw new InvalidOperationException("Set Auth:SigningKey (at least 32 bytes) in Production.");
            }

            key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
            builder.Logging.AddConsole();
            Console.WriteLine("Auth:SigningKey is not set: tokens are signed with a random key for this run only.");
        }

        var settings = new AuthSettings(
            key,
            TimeSpan.FromHours(builder.Configuration.GetValue("Auth:TokenLifetimeHours", 8)),
            new Uri(builder.Configuration["Auth:PasswordResetUrl"] ?? "http://127.0.0.1:5080/reset-password"));
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = TokenService.Issuer,
                ValidAudience = TokenService.Issuer,
                IssuerSigningKey = settings.SecurityKey,
                RoleClaimType = TokenService.RoleClaim,
                NameClaimType = "sub",
                ClockSkew = TimeSpan.FromSeconds(30),
            };
        });
        return settings;
    }
}
