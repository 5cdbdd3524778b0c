using System.Text;
using Interpret.Core.Predictors;
using Microsoft.AspNetCore.Http.Features;

namespace Explorer.App.Api;

/// <summary>Reads a request body as text, never more than the limit. The API parses the text itself with
/// RequestParser, so malformed JSON is a clean 400 with the parser's message rather than a binding failure.</summary>
public static class RequestBody
{
    /// <summary>Strict: invalid bytes are an error the user reads, not text silently changed to U+FFFD.</summary>
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<string> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellation)
    {
        if (!request.HasJsonContentType()) throw new UnsupportedMediaTypeException(request.ContentType);
        if (request.ContentLength > maxBytes) throw new RequestTooLargeException(maxBytes);
        // Kestrel then stops a body that claims no length (chunked) at the same limit.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = maxBytes;
        try
        {
            using var reader = new StreamReader(request.Body, StrictUtf8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
            var text = new StringBuilder();
            var buffer = new char[16 * 1024];
            int read;
            while ((read = await reader.ReadAsync(buffer, cancellation)) > 0)
            {
                text.Append(buffer, 0, read);
                // UTF-8 has at least one byte per char, so more chars than the limit means more bytes too.
                if (text.Length > maxBytes) throw new RequestTooLargeException(maxBytes);
            }
            return text.ToString();
        }
        catch (DecoderFallbackException e)
        {
            throw new InputException($"The request body is not valid UTF-8 (bytes {Convert.ToHexString(e.BytesUnknown ?? [])} at byte {e.Index:N0} of a read); send JSON text encoded as UTF-8.");
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new RequestTooLargeException(maxBytes);
        }
    }
}
