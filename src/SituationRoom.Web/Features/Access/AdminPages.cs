using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Rendering;

namespace SituationRoom.Web.Features.Access;

/// <summary>What the administrators' pages share: a response that shows a secret is never cached, and a refused form
/// names each wrong field next to it (the service's own messages, the same the API returns).</summary>
internal static class AdminPages
{
    public static void NoStore(HttpContext? http)
    {
        if (http is not null)
        {
            http.Response.Headers.CacheControl = "no-store";
        }
    }

    /// <summary>Marks the inputs invalid (aria-invalid) and answers 400, as the API does for the same request.</summary>
    public static void Show(HttpContext? http, EditContext context, IReadOnlyDictionary<string, string[]> errors, Func<string, string?> property)
    {
        var messages = new ValidationMessageStore(context);
        foreach (var (field, texts) in errors)
        {
            if (property(field) is { } name)
            {
                messages.Add(context.Field(name), texts);
            }
        }

        context.NotifyValidationStateChanged();
        if (http is not null && !http.Response.HasStarted)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    public static RenderFragment FieldError(IReadOnlyDictionary<string, string[]> errors, string field) => builder =>
    {
        if (!errors.TryGetValue(field, out var texts))
        {
            return;
        }

        foreach (var text in texts)
        {
            builder.OpenElement(0, "p");
            builder.AddAttribute(1, "class", "field-error");
            builder.AddAttribute(2, "data-testid", "error-" + field);
            builder.AddAttribute(3, "role", "alert");
            builder.AddContent(4, "▲ " + text);
            builder.CloseElement();
        }
    };
}
