using System.Collections;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using OpenEts.Server.Tests.Api;
using OpenEts.Server.Tests.Infrastructure;

namespace OpenEts.Server.Tests.Pages;

/// <summary>
/// Every form a page posts answers each role without a server error, whatever it is sent: every field of the handler
/// (its bound properties and parameters, a row list's first row by name) ordinary, then each field in turn at an extreme
/// (the lowest and highest its type holds, an empty and a 2 000-character text, text where a number is expected), and,
/// to a form that takes a file, a file that is no spreadsheet. A refusal shown on the page, a redirect, 400, 403 or 404
/// is an answer; a 500 is a blank page where the user typed something.
/// </summary>
public sealed class EveryPagePostTests(ServerFactory server) : IClassFixture<ServerFactory>
{
    // Forms that end the session or the account they are sent from: sent last, so that the others are sent signed in.
    private static readonly string[] Last = ["Logout", "SignOutEverywhere", "Login", "Erase", "Password", "TwoFactor", "Revoke"];

    private static readonly string[] Openings = ["lowest", "highest", "text"];

    [Theory]
    [MemberData(nameof(EveryApiWriteTests.Writers), MemberType = typeof(EveryApiWriteTests))]
    public async Task EveryPageForm_PostedWithOrdinaryAndExtremeValues_NeverAnswersAServerError(string user)
    {
        var forms = Forms();
        var session = await PageSession.SignInAsync(server, user);
        var errors = new List<string>();
        var sent = 0;
        foreach (var form in forms)
        {
            foreach (var (fields, file) in Bodies(form))
            {
                var result = await session.PostAsync(new PageForm(form.Handler, user, form.Address, "", fields), null);
                sent++;
                if ((int)result.Status >= 500)
                {
                    errors.Add($"{(int)result.Status} {form.Address} {string.Join('&', fields.Select(f => $"{f.Key}={Short(f.Value)}"))}{(file ? " (with a file)" : "")}");
                }
            }
            foreach (var file in form.Files)
            {
                var status = await session.PostFileAsync(form.Address, file, "a.xlsx", Encoding.UTF8.GetBytes("\uFEFFno,spreadsheet\n\"\n"), Ordinary(form));
                sent++;
                if ((int)status >= 500)
                {
                    errors.Add($"{(int)status} {form.Address} (a file in {file} that is no spreadsheet)");
                }
            }
        }

        Assert.True(forms.Count > 60, $"only {forms.Count} page forms were found");
        Assert.True(errors.Count == 0, $"as {user}, {errors.Count} of {sent} posts answered a server error:\n" + string.Join('\n', errors.Take(60)));
    }

    private sealed record Form(string Address, string Handler, IReadOnlyList<(string Name, Type Type)> Fields, IReadOnlyList<string> Files);

    private List<Form> Forms()
    {
        var loader = server.Services.GetRequiredService<PageLoader>();
        var pages = server.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<PageActionDescriptor>())
            .OfType<PageActionDescriptor>()
            .OrderBy(p => p.AttributeRouteInfo?.Template?.Length ?? 0)
            .DistinctBy(p => p.ViewEnginePath)
            .ToList();
        var forms = new List<Form>();
        foreach (var page in pages)
        {
            var compiled = loader.LoadAsync(page, EndpointMetadataCollection.Empty).GetAwaiter().GetResult();
            var template = "/" + (page.AttributeRouteInfo?.Template ?? page.ViewEnginePath.TrimStart('/'));
            var bound = compiled.BoundProperties.OfType<PageBoundPropertyDescriptor>()
                .Select(p => (p.BindingInfo?.BinderModelName ?? p.Name, p.ParameterType))
                .ToList();
            foreach (var handler in compiled.HandlerMethods.Where(h => string.Equals(h.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase)))
            {
                var values = bound.Concat(handler.Parameters
                        .Where(p => p.ParameterType != typeof(CancellationToken))
                        .Where(p => p.BindingInfo?.BindingSource is not { } source || source != BindingSource.Services)
                        .Select(p => (p.BindingInfo?.BinderModelName ?? p.Name, p.ParameterType)))
                    .ToList();
                var route = values.Where(v => template.Contains("{" + v.Item1, StringComparison.OrdinalIgnoreCase)).ToList();
                var address = EveryAddressTests.Address(template, handler.Name, route, "ordinary");
                var files = values.Where(v => v.Item2 == typeof(IFormFile)).Select(v => v.Item1).ToList();
                forms.Add(new Form(address, handler.Name ?? "", [.. values.Except(route).SelectMany(v => Leaves(v.Item1, v.Item2, 0))], files));
            }
        }
        return [.. forms.OrderBy(f => Last.Any(l => f.Address.Contains(l, StringComparison.OrdinalIgnoreCase))).ThenBy(f => f.Address, StringComparer.Ordinal)];
    }

    // A field's names as a form posts them: a value by its name, a record's fields as Name.Field, a list's first row as
    // Name[0] or Name[0].Field; files are sent on their own.
    private static IEnumerable<(string Name, Type Type)> Leaves(string name, Type type, int depth)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(IFormFile) || typeof(IFormFileCollection).IsAssignableFrom(t) || depth > 2)
        {
            yield break;
        }
        if (Leaf(t))
        {
            yield return (name, t);
            yield break;
        }
        var element = t.IsArray ? t.GetElementType()
            : t.IsGenericType && typeof(IEnumerable).IsAssignableFrom(t) && t.GetGenericArguments() is [var e] ? e
            : null;
        if (element is not null)
        {
            foreach (var leaf in Leaves(name + "[0]", element, depth + 1))
            {
                yield return leaf;
            }
            yield break;
        }
        foreach (var property in t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            foreach (var leaf in Leaves(name + "." + property.Name, property.PropertyType, depth + 1))
            {
                yield return leaf;
            }
        }
    }

    private static bool Leaf(Type t) =>
        t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateOnly) || t == typeof(DateTime)
        || t == typeof(DateTimeOffset) || t == typeof(TimeOnly) || t == typeof(Guid);

    // The sign-in forms are sent a user that does not exist: the demo's users' wrong passwords would lock them out, and the
    // other roles' runs of this test sign in as them.
    private static List<KeyValuePair<string, string>> Ordinary(Form form) =>
        [.. form.Fields.Select(f => new KeyValuePair<string, string>(f.Name,
            SignIn(form.Address) && f.Name.Contains("user", StringComparison.OrdinalIgnoreCase) ? "no-such-user" : EveryAddressTests.Value(f.Name, f.Type, "ordinary")))];

    private static bool SignIn(string address) =>
        address.Contains("login", StringComparison.OrdinalIgnoreCase) || address.Contains("signin", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<(List<KeyValuePair<string, string>> Fields, bool File)> Bodies(Form form)
    {
        var ordinary = Ordinary(form);
        yield return (ordinary, false);
        yield return ([], false);
        foreach (var (name, type) in form.Fields)
        {
            foreach (var opening in Openings)
            {
                yield return ([.. ordinary.Where(f => f.Key != name), new(name, EveryAddressTests.Value(name, type, opening))], false);
            }
        }
    }

    private static string Short(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
