using System.Net;
using System.Net.Http.Headers;
using Interpret.Results;

namespace Explorer.App.Tests;

/// <summary>With Auth:Mode=Required: the API takes good bearer tokens only, the page sends an anonymous browser to the
/// identity provider, and the circuit's hub refuses an unauthenticated connection; /healthz and static files stay open.</summary>
[Collection(ExplorerCollection.Name)]
public sealed class SignInTests(ExplorerFactory factory)
{
    [Fact]
    public async Task The_API_refuses_missing_expired_and_wrongly_signed_tokens_and_accepts_a_good_one()
    {
        await using var app = factory.WithWebHostBuilder(TestSignIn.Configure);
        var client = TestSignIn.Client(app);
        const string body = "{\"text\":\"fine\"}";

        var missing = await client.PostAsync(Api.Predict(), body);
        Assert.Contains("Authorization: Bearer", await missing.ProblemAsync(HttpStatusCode.Unauthorized));
        Assert.Equal("Bearer", missing.Headers.WwwAuthenticate.Single().Scheme);
        await (await client.GetAsync("/api/models")).ProblemAsync(HttpStatusCode.Unauthorized);

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestSignIn.Token("ada", expired: true));
        Assert.Contains("expired", await (await client.PostAsync(Api.Predict(), body)).ProblemAsync(HttpStatusCode.Unauthorized));

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            TestSignIn.Token("ada", key: "some-other-key-that-the-server-does-not-know-at-all"));
        Assert.Contains("not valid", await (await client.PostAsync(Api.Predict(), body)).ProblemAsync(HttpStatusCode.Unauthorized));

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestSignIn.Token("ada"));
        await (await client.PostAsync(Api.Predict(), body)).ReadAsync<Prediction>();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/models")).StatusCode);
    }

    [Fact]
    public async Task The_page_redirects_an_anonymous_user_and_its_hub_refuses_one()
    {
        await using var app = factory.WithWebHostBuilder(TestSignIn.Configure);
        var anonymous = TestSignIn.Client(app);

        var page = await anonymous.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith($"{TestSignIn.Authority}/authorize?", page.Headers.Location?.ToString());

        var refused = await anonymous.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
        Assert.True(refused.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect, $"negotiate answered {(int)refused.StatusCode}");
        var signedIn = await TestSignIn.Client(app, "ada").PostAsync("/_blazor/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);

        // Health checks and static files need no sign-in.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/app.css")).StatusCode);
    }

    [Fact]
    public async Task Without_sign_in_the_page_and_the_API_stay_open()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null)).StatusCode);
        await (await client.PostAsync(Api.Predict(), "{\"text\":\"fine\"}")).ReadAsync<Prediction>();
    }
}
