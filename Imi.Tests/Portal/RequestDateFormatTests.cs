using System.Globalization;
using Bunit;
using Imi.Domain.Requests;
using Imi.Infrastructure.Demo;
using Imi.Infrastructure.Requests;
using Imi.Infrastructure.Users;
using Imi.Portal.Components.Requests;
using Imi.Portal.Store.Session;
using Imi.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Imi.Tests.Portal;

/// <summary>
/// Dates follow the reader's language, date inputs included (a Portuguese reader once saw mm/dd/yyyy):
/// the answer date is typed, shown and read in the format of the reader's culture.
/// </summary>
public class RequestDateFormatTests(DatabaseFixture database)
    : PortalComponentTest(RequestPagesTests.WithTexts(database), signedInUserId: FrenchHandler), IClassFixture<DatabaseFixture>
{
    private static readonly Guid FrenchHandler = DemoSeeder.IdOf("user:demo.fr.handler");
    private static readonly Guid BavarianChamber = DemoSeeder.IdOf("de-architects-by");

    [Theory]
    [InlineData("it-IT", "dd/MM/yyyy")]
    [InlineData("de-DE", "dd.MM.yyyy")]
    public async Task TheAnswerDate_IsTypedAndShownInTheReadersFormat(string culture, string pattern)
    {
        var (savedCulture, savedUiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            Dispatcher.Dispatch(new SessionLoadedAction((await Services.GetRequiredService<SessionQueries>().GetAsync(FrenchHandler))!));
            var requests = Services.GetRequiredService<RequestService>();
            var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20);
            var id = (await requests.ExecuteAsync(FrenchHandler, new CreateDraft("PQ",
                new DraftContent(BavarianChamber, ["PQ.DIPLOMA_AUTHENTIC"], [], null, null, due)))).RequestId;

            // The form shows the saved date in the reader's format, and reads a date typed that way.
            var form = Render<RequestEditorPage>(p => p.Add(x => x.Id, id));
            form.WaitForAssertion(() => Assert.Equal(due.ToString(pattern, CultureInfo.InvariantCulture),
                form.Find("input[data-testid=request-answer-date]").GetAttribute("value")), TimeSpan.FromSeconds(10));
            var later = due.AddDays(5);
            form.Find("input[data-testid=request-answer-date]").Change(later.ToString(pattern, CultureInfo.InvariantCulture));
            form.Find("input[data-testid=request-answer-date]").Blur(); // the field takes a typed date on Enter or when the reader moves on
            form.Find("button[data-testid=send-request]").Click();
            await Eventually.ReturnsAsync(async () => (await Services.GetRequiredService<RequestQueries>().GetAsync(FrenchHandler, id)) is { Status: RequestStatus.Sent } sent ? sent : null,
                what: "the request sent");

            // The exchange shows it in the same format.
            var exchange = Render<ExchangePage>(p => p.Add(x => x.Id, id));
            exchange.WaitForAssertion(() => Assert.Equal(later.ToString(pattern, CultureInfo.InvariantCulture),
                exchange.Find("[data-testid=requested-answer-date]").TextContent.Trim()), TimeSpan.FromSeconds(10));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (savedCulture, savedUiCulture);
        }
    }
}
