using Imi.Infrastructure.UseCases;
using Imi.Domain.Access;
using Imi.Domain.Common;
using Imi.Domain.Requests;
using Imi.Domain.Users;
using Imi.Infrastructure.Auditing;
using Imi.Infrastructure.Data;
using Imi.Infrastructure.Search;
using Imi.Infrastructure.Setup;
using Microsoft.EntityFrameworkCore;

namespace Imi.Infrastructure.Requests;

/// <summary>A question of the set, in the writer's language, to tick.</summary>
public sealed record QuestionChoice(string Code, string Text);

/// <summary>What the request form needs: the areas the user may write in, the questions of the chosen area, and the draft so far.</summary>
public sealed record RequestEditorData(
    Guid? RequestId, int Revision, string AreaCode, IReadOnlyList<(string Code, string Name)> Areas,
    IReadOnlyList<QuestionChoice> Questions, PartyInfo? Responder, DraftContent? Draft, IReadOnlyList<AttachmentView> Attachments,
    string? SentBackComment);

// The request form.
public sealed partial class RequestQueries
{
    /// <summary>The request form: a new request (to <paramref name="responderId"/> if chosen) or a draft to go on with.</summary>
    public async Task<RequestEditorData> EditorAsync(Guid userId, Guid? requestId, string? areaCode, Guid? responderId, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (user, actor) = await ActorLoader.LoadHandlerAsync(db, userId, clock.GetUtcNow(), ct);
        var language = user.PreferredLanguageCode;
        InformationRequest? draft = null;
        if (requestId is { } id)
        {
            draft = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct);
            if (draft is null || !RequestWorkflow.AllowedActions(draft, actor).Contains(RequestAction.EditDraft))
                throw new NotPermittedException(Refusals.Request.DraftNotFound);
            areaCode = draft.LegislativeAreaCode;
            responderId = draft.RespondingAuthorityId;
        }
        var mine = actor.AreaRoles.Where(r => r.Role == AreaRole.RequestHandler).Select(r => r.LegislativeAreaCode).ToList();
        if (mine.Count == 0)
            throw new NotPermittedException(Refusals.Access.RequestHandlersOnly);
        PartyInfo? responder = null;
        if (responderId is { } rid)
        {
            var other = await db.Authorities.AsNoTracking().SingleOrDefaultAsync(a => a.Id == rid, ct);
            if (other is not null)
            {
                responder = new PartyInfo(other.Id, other.InformalTitle, other.CountryCode);
                var shared = mine.Where(other.HasAccessTo).ToList();
                if (shared.Count > 0)
                    mine = shared;
            }
        }
        var areas = await db.LegislativeAreas.AsNoTracking().Where(a => mine.Contains(a.Code)).ToListAsync(ct);
        var area = areaCode is not null && mine.Contains(areaCode) ? areaCode : mine.Order().First();
        var set = draft is null
            ? await RequestService.CurrentQuestionSetAsync(db, area, ct)
            : await db.QuestionSets.AsNoTracking().SingleAsync(q => q.Code == draft.QuestionSetCode && q.Version == draft.QuestionSetVersion, ct);
        return new RequestEditorData(
            draft?.Id, draft?.Revision ?? 0, area, areas.Select(a => (a.Code, a.NameIn(language))).OrderBy(a => a.Item2).ToList(),
            set.Questions.Select(q => new QuestionChoice(q.Code, Pick(q.Texts, language))).ToList(),
            responder,
            draft is null ? null : new DraftContent(draft.RespondingAuthorityId, draft.Questions.Where(q => q.Code is not null).Select(q => q.Code!).ToList(),
                draft.Questions.Where(q => q.Code is null && q.Text is not null).Select(q => q.Text!.Text).ToList(), draft.Subject, draft.Comment?.Text, draft.RequestedAnswerDate),
            draft?.Attachments.Select(a => new AttachmentView(a.Id, a.FileName, a.Size, a.Side)).ToList() ?? [],
            draft?.Timeline.LastOrDefault(t => t.Action == RequestAction.SendBackRequest)?.Note?.Text);
    }
}
