using Imi.Domain.ReferenceData;
using Imi.Domain.Requests;
using Imi.Domain.Users;
using Imi.Infrastructure.Data;
using Imi.Infrastructure.Identity;
using Imi.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Imi.Infrastructure.Requests;

/// <summary>
/// Turns the new steps of an exchange's timeline into alerts, put in the outbox in the same
/// transaction: who is alerted follows DOMAIN.md (with allocation on, only the allocators hear of a
/// new request). Alerts name the exchange and the acting authority, never the subject.
/// </summary>
public sealed class RequestAlerts(Outbox outbox, MailWriter mails, IOptions<SecurityOptions> security)
{
    private enum To { Reminded, ResponderMailboxAndReceivers, Creator, RequesterHandlers, ResponderHandlers, Allocated, RequestApprovers, ReplyApprovers, Referees }

    private static (string Kind, To[] Recipients)? AlertFor(TimelineEntry entry, InformationRequest r) => entry.Action switch
    {
        RequestAction.Send when entry.OtherAuthorityId is null => ("ApprovalNeeded", [To.RequestApprovers]),
        RequestAction.Send or RequestAction.ApproveRequest => ("NewRequest", [To.ResponderMailboxAndReceivers]),
        RequestAction.Forward => ("NewRequest", [To.ResponderMailboxAndReceivers]),
        RequestAction.SendBackRequest => ("SentBack", [To.Creator]),
        RequestAction.Allocate or RequestAction.AllocateAutomatically => ("Allocated", [To.Allocated]),
        RequestAction.Accept => ("Accepted", [To.Creator]),
        RequestAction.ProposeAnswerDate => ("AnswerDateProposed", [To.Creator]),
        RequestAction.AskForClarification => ("ClarificationAsked", [To.RequesterHandlers]),
        RequestAction.Clarify => ("Clarified", [To.ResponderHandlers]),
        RequestAction.SendReply when entry.OtherAuthorityId is null => ("ReplyApprovalNeeded", [To.ReplyApprovers]),
        RequestAction.SendReply or RequestAction.ApproveReply => ("ReplyReceived", [To.RequesterHandlers]),
        RequestAction.SendBackReply => ("ReplySentBack", [To.ResponderHandlers]),
        RequestAction.AskForAdditionalInformation => ("AdditionalInformationAsked", [To.ResponderHandlers]),
        RequestAction.DeclineAdditionalInformation => ("AdditionalInformationDeclined", [To.RequesterHandlers]),
        RequestAction.OpenReferral => ("ReferralOpened", [To.Referees, To.ResponderHandlers]),
        RequestAction.CloseReferral => ("ReferralClosed", [To.RequesterHandlers, To.ResponderHandlers]),
        RequestAction.AcceptReply => ("ReplyAccepted", [To.ResponderHandlers]),
        RequestAction.RemindFromCoordinator => ("CoordinatorReminder", [To.Reminded]),
        _ => null,
    };

    /// <summary>Queues the alerts for the given new timeline entries; returns how many e-mails.</summary>
    public async Task<int> EnqueueAsync(ImiDbContext db, InformationRequest r, IEnumerable<TimelineEntry> entries, CancellationToken ct)
    {
        var count = 0;
        foreach (var entry in entries)
        {
            if (AlertFor(entry, r) is not { } alert)
                continue;
            var recipients = new Dictionary<string, (string? Name, string Language)>(StringComparer.OrdinalIgnoreCase);
            foreach (var to in alert.Recipients)
                foreach (var (email, name, language) in await RecipientsAsync(db, r, to, ct, entry))
                    recipients.TryAdd(email, (name, language));
            var actingAuthority = await db.Authorities.AsNoTracking().Where(a => a.Id == entry.AuthorityId)
                .Select(a => new { a.InformalTitle, a.CountryCode }).SingleAsync(ct);
            var mentioned = entry.Action == RequestAction.Forward && entry.OtherAuthorityId is { } forwardedTo
                ? await db.Authorities.AsNoTracking().Where(a => a.Id == forwardedTo).Select(a => new { a.InformalTitle, a.CountryCode }).SingleAsync(ct)
                : actingAuthority;
            var areaNames = await db.LegislativeAreas.AsNoTracking().Where(a => a.Code == r.LegislativeAreaCode).Select(a => a.Names).SingleAsync(ct);
            var country = await db.Countries.AsNoTracking().SingleAsync(c => c.Code == mentioned.CountryCode, ct);
            foreach (var (email, (name, language)) in recipients)
            {
                outbox.Enqueue(db, Render(alert.Kind, r, language, areaNames, mentioned.InformalTitle, country),
                    email, name, $"request.{alert.Kind}");
                count++;
            }
            if (entry.Action == RequestAction.Forward)
                count += await EnqueueForwardedNoticeAsync(db, r, mentioned.InformalTitle, country, areaNames, ct);
        }
        return count;
    }

    private async Task<int> EnqueueForwardedNoticeAsync(ImiDbContext db, InformationRequest r, string title, Country country,
        Dictionary<string, string> areaNames, CancellationToken ct)
    {
        var count = 0;
        foreach (var (email, name, language) in await RecipientsAsync(db, r, To.Creator, ct))
        {
            outbox.Enqueue(db, Render("Forwarded", r, language, areaNames, title, country), email, name, "request.Forwarded");
            count++;
        }
        return count;
    }

    /// <summary>Queues one reminder about the answer date to the responder's handlers.</summary>
    public async Task EnqueueReminderAsync(ImiDbContext db, InformationRequest r, string kind, CancellationToken ct)
    {
        var areaNames = await db.LegislativeAreas.AsNoTracking().Where(a => a.Code == r.LegislativeAreaCode).Select(a => a.Names).SingleAsync(ct);
        foreach (var (email, name, language) in await RecipientsAsync(db, r, To.ResponderHandlers, ct))
            outbox.Enqueue(db, Render(kind, r, language, areaNames), email, name, $"request.{kind}");
    }

    /// <summary>
    /// The alert in the recipient's language, saying only what an alert may say about the exchange
    /// (never anything of its subject): reference, area, acting authority and its country (named in that language),
    /// answer date, link.
    /// </summary>
    private MailMessageContent Render(string kind, InformationRequest r, string language, Dictionary<string, string> areaNames,
        string authority = "", Country? country = null) =>
        mails.RequestAlert(kind, language,
            reference: r.Reference,
            area: areaNames.GetValueOrDefault(language) ?? areaNames.GetValueOrDefault("en") ?? r.LegislativeAreaCode,
            authority: authority,
            country: country?.NameIn(language) ?? "",
            date: r.AgreedAnswerDate ?? r.RequestedAnswerDate,
            link: $"{security.Value.PublicBaseUrl.TrimEnd('/')}/requests/{r.Id}");

    private static async Task<List<(string Email, string? Name, string Language)>> RecipientsAsync(ImiDbContext db, InformationRequest r, To to, CancellationToken ct,
        TimelineEntry? entry = null)
    {
        var area = r.LegislativeAreaCode;
        async Task<List<(string, string?, string)>> Users(IQueryable<User> users) =>
            (await users.Select(u => new { u.Email, u.GivenName, u.FamilyName, u.PreferredLanguageCode }).ToListAsync(ct))
            .Select(u => (u.Email, (string?)$"{u.GivenName} {u.FamilyName}", u.PreferredLanguageCode)).ToList();
        IQueryable<User> WithRole(Guid? authorityId, AreaRole role) =>
            db.ImiUsers.AsNoTracking().Where(u => u.AuthorityId == authorityId && u.AreaRoles.Any(x => x.LegislativeAreaCode == area && x.Role == role));

        switch (to)
        {
            // The authority a coordinator reminded: the handlers the request is allocated to, else its handlers in the area.
            case To.Reminded when entry?.OtherAuthorityId == r.RespondingAuthorityId:
                return await RecipientsAsync(db, r, To.ResponderHandlers, ct);
            case To.Reminded when entry?.OtherAuthorityId == r.RequestingAuthorityId:
                return await RecipientsAsync(db, r, To.RequesterHandlers, ct);
            case To.Reminded:
                return await Users(WithRole(entry?.OtherAuthorityId, AreaRole.RequestHandler));
            case To.ResponderMailboxAndReceivers:
            {
                var mailbox = await db.Authorities.AsNoTracking().Where(a => a.Id == r.RespondingAuthorityId)
                    .Select(a => new { a.Email, a.InformalTitle, a.OriginalLanguageCode }).SingleAsync(ct);
                var receivers = await Users(WithRole(r.RespondingAuthorityId, r.ResponderSettings.AllocationEnabled ? AreaRole.Allocator : AreaRole.RequestHandler));
                return [(mailbox.Email, mailbox.InformalTitle, mailbox.OriginalLanguageCode), .. receivers];
            }
            case To.Creator:
                return await Users(db.ImiUsers.AsNoTracking().Where(u => u.Id == r.CreatedBy));
            case To.RequesterHandlers:
                return await Users(WithRole(r.RequestingAuthorityId, AreaRole.RequestHandler));
            case To.ResponderHandlers when r.ResponderSettings.AllocationEnabled && r.AllocatedHandlerIds.Count > 0:
            case To.Allocated:
            {
                // The handlers, and the deputy of each one absent on the day of the step (decision 012).
                var ids = r.AllocatedHandlerIds.ToList();
                var day = DateOnly.FromDateTime((entry?.At ?? r.LastActivityAt).UtcDateTime);
                var absences = await db.ImiUsers.AsNoTracking().Where(u => ids.Contains(u.Id) && u.Absence != null).Select(u => u.Absence!).ToListAsync(ct);
                ids.AddRange(absences.Where(a => a.Covers(day) && a.DeputyId is not null).Select(a => a.DeputyId!.Value));
                return await Users(db.ImiUsers.AsNoTracking().Where(u => ids.Contains(u.Id)));
            }
            case To.ResponderHandlers:
                return await Users(WithRole(r.RespondingAuthorityId, AreaRole.RequestHandler));
            case To.RequestApprovers:
                return await Users(WithRole(r.RequesterOversight.ApproverAuthorityId, AreaRole.RequestHandler));
            case To.ReplyApprovers:
                return await Users(WithRole(r.ResponderSettings.ReplyApproverAuthorityId, AreaRole.RequestHandler));
            case To.Referees:
            {
                var all = new List<(string, string?, string)>();
                foreach (var referee in new[] { r.RequesterOversight.Referee, r.ResponderSettings.Referee })
                    if (referee is not null)
                        all.AddRange(await Users(WithRole(referee.AuthorityId, referee.ReferralHandlersOnly ? AreaRole.ReferralHandler : AreaRole.RequestHandler)));
                return all;
            }
            default:
                return [];
        }
    }
}
