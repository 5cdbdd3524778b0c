using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Explorer.App.Hosting;

/// <summary>A request without a valid bearer token: 401 with <c>WWW-Authenticate: Bearer</c> and a ProblemDetails that
/// says what was wrong (missing, expired or not valid) without the validator's internals.</summary>
public static class ApiChallenge
{
    public static async Task WriteAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var (header, detail) = context.AuthenticateFailure switch
        {
            null => ("Bearer", "Sign-in is required: send 'Authorization: Bearer <token>' with a token from the team's identity provider."),
            SecurityTokenExpiredException => ("Bearer error=\"invalid_token\"", "The bearer token has expired; get a new one."),
            _ => ("Bearer error=\"invalid_token\"", "The bearer token is not valid here (signature, issuer or audience)."),
        };
        context.Response.Headers.WWWAuthenticate = header;
        await TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: detail)
            .ExecuteAsync(context.HttpContext);
    }
}
