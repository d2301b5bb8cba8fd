using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using OpenEts.Application.Storage;

namespace OpenEts.Server.Hosting;

/// <summary>
/// Keeps ASP.NET Core's data-protection key ring (the keys behind sign-in cookies and antiforgery tokens) in the
/// platform's database, so sign-ins survive a restart and every server instance on the database shares one key ring.
/// </summary>
/// <remarks>
/// <see cref="IXmlRepository"/> is synchronous, so these methods block on the store. The key manager calls them rarely
/// (at start, when a key is created, and when its cached key ring expires) and never on a request's synchronisation
/// context, which ASP.NET Core does not have.
/// </remarks>
internal sealed class DatabaseXmlRepository(IStore store, TimeProvider clock) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        store.ReadAsync(s => s.DataProtectionKeys.AllAsync(), CancellationToken.None).GetAwaiter().GetResult()
            .Select(xml => XElement.Parse(xml))
            .ToList();

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentException.ThrowIfNullOrEmpty(friendlyName);
        var xml = element.ToString(SaveOptions.DisableFormatting);
        store.WriteAsync(s => s.DataProtectionKeys.AddAsync(friendlyName, xml, clock.GetUtcNow()), CancellationToken.None)
            .GetAwaiter().GetResult();
    }
}
